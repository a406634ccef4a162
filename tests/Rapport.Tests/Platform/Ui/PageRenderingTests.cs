using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys.Pages;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.Auth.Users.Pages;
using Rapport.Platform.Ui;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Ui;

/// <summary>What the user, API-key and home pages show once their circuit runs, for a given signed-in user.</summary>
public abstract class PageRenderingTests(RapportApp app)
{
    [Fact]
    public async Task UsersPage_ListsUsersWithRoleAndStatus()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var support = await app.CreateUserAsync(Roles.Support);
        var gone = await app.CreateUserAsync(Roles.Sales);
        await app.ActingAsAsync(admin.Id, sp => sp.GetRequiredService<UserAdministration>().SetActiveAsync(gone.Id, false, default));

        await using var context = await app.PageContextAsync(admin.Id);
        context.RenderProviders();
        var page = context.Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Contains(support.Email, page.Markup));
        var supportRow = page.FindAll("tr").Single(r => r.TextContent.Contains(support.Email, StringComparison.Ordinal));
        Assert.Contains(Roles.Support, supportRow.TextContent);
        Assert.Contains("Active", supportRow.TextContent);
        var goneRow = page.FindAll("tr").Single(r => r.TextContent.Contains(gone.Email, StringComparison.Ordinal));
        Assert.Contains("Deactivated", goneRow.TextContent);
    }

    [Fact]
    public async Task ApiKeysPage_CreatesAKeyShownOnce_ThenListsOnlyItsPrefix()
    {
        var user = await app.CreateUserAsync(Roles.Marketing);
        var other = await app.CreateUserAsync(Roles.Marketing);
        await using var context = await app.PageContextAsync(user.Id);
        var dialogs = context.RenderProviders();
        var page = context.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains(user.ApiKey[..12], page.Markup));
        Assert.DoesNotContain(user.ApiKey[12..], page.Markup);
        Assert.DoesNotContain(other.ApiKey[..12], page.Markup);

        // Not awaited: the page's handler waits for the dialog to close.
        var opening = page.FindAll("button").Single(b => b.TextContent.Contains("New API key", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("input")));
        dialogs.Find("input").Change("Website form");
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Create key", StringComparison.Ordinal)).ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("It will not be shown again", dialogs.Markup));
        var key = dialogs.Find("input[data-testid=new-api-key]").GetAttribute("value")!;
        Assert.StartsWith("rpk_", key);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.ClientWithKey(key).GetAsync("/api/v1/companies")).StatusCode);

        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Done", StringComparison.Ordinal)).ClickAsync(new());
        await opening.WaitAsync(TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Contains("Website form", page.Markup));
        Assert.Contains(key[..12], page.Markup);
        Assert.DoesNotContain(key[12..], page.Markup + dialogs.Markup);
    }

    [Fact]
    public async Task Home_CountsOnlyTheRecordsTheUserMaySee()
    {
        var sales = await app.CreateUserAsync(Roles.Sales);
        var otherSales = await app.CreateUserAsync(Roles.Sales);
        await (await sales.Client.PostJsonAsync("/api/v1/companies", new { name = "Mine One" })).EnsureSuccessAsync();
        await (await sales.Client.PostJsonAsync("/api/v1/companies", new { name = "Mine Two" })).EnsureSuccessAsync();
        await (await otherSales.Client.PostJsonAsync("/api/v1/companies", new { name = "Not Mine" })).EnsureSuccessAsync();

        await using var context = await app.PageContextAsync(sales.Id);
        var home = context.Render<Home>();
        home.WaitForAssertion(() => Assert.Equal("2", home.Find("[data-testid=company-count]").TextContent.Trim()));
        Assert.Equal("0", home.Find("[data-testid=contact-count]").TextContent.Trim());
        Assert.Contains("Mine Two", home.Markup);
        Assert.DoesNotContain("Not Mine", home.Markup);
        Assert.DoesNotContain("/admin/users", home.Markup);
    }
}

public sealed class SqlitePageRenderingTests(SqliteApp app) : PageRenderingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPageRenderingTests(PostgresApp app) : PageRenderingTests(app), IClassFixture<PostgresApp>;
