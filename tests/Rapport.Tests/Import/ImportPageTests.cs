using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Rapport.Contacts.Import.Pages;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

/// <summary>The import page in a running circuit: upload, automatic mapping, preview errors, job progress.</summary>
public abstract class ImportPageTests(RapportApp app)
{
    [Fact]
    public async Task ImportPage_PreviewsTheFile_ThenRunsTheImport_AndShowsTheOutcome()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var tag = "page" + Guid.NewGuid().ToString("N")[..10];
        await using var context = await app.PageContextAsync(user.Id);
        context.RenderProviders();
        var page = context.Render<ContactImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            $"Surname,E-mail,Tags\r\nHopper,grace@{tag}.example,{tag}\r\nTuring,not-an-email,{tag}\r\n", "people.csv"));

        page.WaitForAssertion(() => Assert.Contains("Start import", page.Markup));
        var preview = page.Find("[data-testid=import-preview]").TextContent;
        Assert.Contains("lastName: Hopper", preview);
        Assert.Contains("E-mail:", preview); // the second row's problem names its column
        Assert.Equal(3, page.FindAll("[data-testid=import-mapping] tbody tr").Count);
        Assert.Empty(await ListTaggedAsync(user, tag));

        await page.FindAll("button").Single(b => b.TextContent.Contains("Start import", StringComparison.Ordinal)).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("completed", page.Find("[data-testid=import-progress]").GetAttribute("data-status")),
            TimeSpan.FromSeconds(60));
        Assert.Contains("1 created", page.Markup);
        Assert.Contains("1 with errors", page.Markup);
        Assert.Contains("Download the error report", page.Markup);
        Assert.Equal(["Hopper"], (await ListTaggedAsync(user, tag)).Select(c => c.LastName));
    }

    [Fact]
    public async Task ImportPage_WarnsOfARowThatLooksLikeAnExistingContact()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var tag = "warn" + Guid.NewGuid().ToString("N")[..10];
        var existing = await user.CreateContactAsync(new { firstName = "Grace", lastName = "Hopper", emails = new[] { new { address = $"grace@{tag}.example" } } });
        await using var context = await app.PageContextAsync(user.Id);
        context.RenderProviders();
        var page = context.Render<ContactImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            $"Surname,E-mail\r\nHopper,GRACE@{tag}.example\r\nLovelace,ada@{tag}.example\r\n", "people.csv"));

        page.WaitForAssertion(() => Assert.Contains("Start import", page.Markup));
        var warning = page.Find("[data-testid=import-duplicate-warning]");
        Assert.Contains("Possible duplicate of Grace Hopper (same email)", warning.TextContent);
        Assert.Equal($"/contacts/{existing.Id}", warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Single(page.FindAll("[data-testid=import-duplicate-warning]"));
    }

    private static async Task<IReadOnlyList<ContactResponse>> ListTaggedAsync(ApiUser user, string tag) =>
        (await (await user.Client.GetAsync($"/api/v1/contacts?filter=tags has '{tag}'")).ReadAsync<Page<ContactResponse>>()).Data;
}

public sealed class ImportPageTestsOnSqlite(SqliteApp app) : ImportPageTests(app), IClassFixture<SqliteApp>;

public sealed class ImportPageTestsOnPostgres(PostgresApp app) : ImportPageTests(app), IClassFixture<PostgresApp>;
