using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Companies.Pages;
using Rapport.Contacts.Import.Pages;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.Tags.Pages;
using Rapport.Platform.Ui.Records;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

/// <summary>The company import page in a running circuit, and the companies list's way to it.</summary>
public abstract class CompanyImportPageTests(RapportApp app)
{
    [Fact]
    public async Task CompanyImportPage_MapsPreviewsAndWarns_ThenRunsTheImport_AndShowsTheOutcome()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var tag = "cpage" + Guid.NewGuid().ToString("N")[..10];
        var existing = await user.CreateCompanyAsync(new { name = $"Existing {tag}", domain = $"existing-{tag}.example", tags = new[] { tag } });
        await using var context = await app.PageContextAsync(user.Id);
        context.RenderProviders();
        var page = context.Render<CompanyImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "Company Name,Website,Industry,Tags\r\n" +
            $"Fresh {tag},https://fresh-{tag}.example,Software,{tag}\r\n" +
            $"Again {tag},https://www.existing-{tag}.example,Retail,{tag}\r\n" +
            $"Broken {tag},not a web address,Retail,{tag}\r\n", "companies.csv"));

        page.WaitForAssertion(() => Assert.Contains("Start import", page.Markup), TimeSpan.FromSeconds(15));
        Assert.Contains("Import companies", page.Find("h1").TextContent);
        var preview = page.Find("[data-testid=import-preview]").TextContent;
        Assert.Contains($"name: Fresh {tag}", preview);
        Assert.Contains("Website: 'not a web address' is not a web address", preview);
        var warning = page.Find("[data-testid=import-duplicate-warning]");
        Assert.Contains($"Possible duplicate of Existing {tag} (same domain)", warning.TextContent);
        Assert.Equal($"/companies/{existing.Id}", warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("When the domain or name matches an existing company", page.Markup);
        Assert.Single(await ListTaggedAsync(user, tag));

        await page.FindAll("button").Single(b => b.TextContent.Contains("Start import", StringComparison.Ordinal)).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("completed", page.Find("[data-testid=import-progress]").GetAttribute("data-status")),
            TimeSpan.FromSeconds(60));
        Assert.Contains("1 created", page.Markup);
        Assert.Contains("1 skipped", page.Markup);
        Assert.Contains("1 with errors", page.Markup);
        Assert.Matches("/export/imports/[0-9a-f-]+/errors.csv", page.FindAll("a").Single(a => a.TextContent.Contains("error report", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal("/companies", page.FindAll("a").Single(a => a.TextContent.Contains("Go to companies", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal([$"Existing {tag}", $"Fresh {tag}"], (await ListTaggedAsync(user, tag)).Select(c => c.Name).Order());
    }

    [Theory]
    [InlineData(Roles.Sales, true)]
    [InlineData(Roles.ReadOnly, false)]
    public async Task CompanyList_LinksToTheImportPage_ForThoseWhoMayCreateCompanies(string role, bool shown)
    {
        var user = await app.CreateUserAsync(role);
        await using var context = await app.PageContextAsync(user.Id);
        context.Services.AddScoped<TagColors>();
        context.Services.AddScoped<ColumnPreferences>();
        context.RenderProviders();
        var page = context.Render<CompanyList>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-list=companies]")), TimeSpan.FromSeconds(30));
        var links = page.FindAll("[data-testid=list-import]");
        if (shown) Assert.Equal("/companies/import", Assert.Single(links).GetAttribute("href"));
        else Assert.Empty(links);
    }

    private static async Task<IReadOnlyList<CompanyResponse>> ListTaggedAsync(ApiUser user, string tag) =>
        (await (await user.Client.GetAsync($"/api/v1/companies?filter=tags has '{tag}'")).ReadAsync<Page<CompanyResponse>>()).Data;
}

public sealed class CompanyImportPageTestsOnSqlite(SqliteApp app) : CompanyImportPageTests(app), IClassFixture<SqliteApp>;

public sealed class CompanyImportPageTestsOnPostgres(PostgresApp app) : CompanyImportPageTests(app), IClassFixture<PostgresApp>;
