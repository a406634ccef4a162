using System.Net;
using System.Text.RegularExpressions;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Ui;

/// <summary>Pages as the server renders them for a signed-in browser (the first, prerendered response).</summary>
public abstract partial class PageTests(RapportApp app)
{
    private const string Password = "a long enough test password";

    [Fact]
    public async Task AdminUsersPage_ListsUsers_ForAnAdmin()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var colleague = await app.CreateUserAsync(Roles.Support);
        var browser = await app.SignInAsync(admin.Email, Password);

        var page = await browser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Users · Rapport</title>", html);
        Assert.Contains(colleague.Email, html);
        Assert.Contains("New user", html);
    }

    [Fact]
    public async Task AdminUsersPage_ShowsAccessDenied_ToSalesUser()
    {
        var sales = await app.CreateUserAsync(Roles.Sales);
        var browser = await app.SignInAsync(sales.Email, Password);

        var page = await browser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/access-denied", new Uri(new Uri("http://localhost/"), page.Headers.Location!).AbsolutePath);

        var denied = await browser.GetAsync(page.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        var html = await denied.Content.ReadAsStringAsync();
        Assert.Contains("Access denied", html);
        Assert.DoesNotContain(sales.Email.Replace("@", "&#64;", StringComparison.Ordinal) + "</td>", html);
        Assert.DoesNotContain("New user", html);
    }

    [Fact]
    public async Task AdminUsersPage_SendsAnonymousVisitorToSignIn()
    {
        var page = await app.BrowserClient().GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost/"), page.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task UnknownRoute_RendersNotFoundPage_With404()
    {
        var sales = await app.CreateUserAsync(Roles.Sales);
        var browser = await app.SignInAsync(sales.Email, Password);
        foreach (var client in new[] { browser, app.BrowserClient() })
        {
            var page = await client.GetAsync("/no/such/page");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());
        }
        // The API keeps its problem documents.
        var api = await sales.Client.GetAsync("/api/v1/no-such-resource");
        await api.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApiKeysPage_ListsOnlyTheUsersOwnKeys_WithoutTheSecret()
    {
        var user = await app.CreateUserAsync(Roles.Marketing);
        var other = await app.CreateUserAsync(Roles.Marketing);
        var browser = await app.SignInAsync(user.Email, Password);

        var html = await (await browser.GetAsync("/settings/api-keys")).Content.ReadAsStringAsync();
        Assert.Contains(user.ApiKey[..12], html);
        Assert.DoesNotContain(user.ApiKey[12..], html);
        Assert.DoesNotContain(other.ApiKey[..12], html);
    }

    [Fact]
    public async Task Home_CountsOnlyTheRecordsTheUserMaySee()
    {
        var sales = await app.CreateUserAsync(Roles.Sales);
        var otherSales = await app.CreateUserAsync(Roles.Sales);
        await (await sales.Client.PostJsonAsync("/api/v1/companies", new { name = "Mine One" })).EnsureSuccessAsync();
        await (await sales.Client.PostJsonAsync("/api/v1/companies", new { name = "Mine Two" })).EnsureSuccessAsync();
        await (await otherSales.Client.PostJsonAsync("/api/v1/companies", new { name = "Not Mine" })).EnsureSuccessAsync();

        var html = await (await (await app.SignInAsync(sales.Email, Password)).GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Equal("2", Count(html, "company-count"));
        Assert.Equal("0", Count(html, "contact-count"));
        Assert.Contains("Mine Two", html);
        Assert.DoesNotContain("Not Mine", html);

        var admin = await app.CreateUserAsync(Roles.Admin);
        var adminHtml = await (await (await app.SignInAsync(admin.Email, Password)).GetAsync("/")).Content.ReadAsStringAsync();
        Assert.True(int.Parse(Count(adminHtml, "company-count")!.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }

    private static string? Count(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<");
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }
}

public sealed class SqlitePageTests(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPageTests(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
