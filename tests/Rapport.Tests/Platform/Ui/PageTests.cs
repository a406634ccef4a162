using System.Net;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Ui;

/// <summary>
/// What the server answers a browser before any page is interactive: sign-in redirects, access denied and not found
/// (both rendered statically). What interactive pages show is tested in Chromium (tests/Rapport.BrowserTests).
/// </summary>
public abstract partial class PageTests(RapportApp app)
{
    private const string Password = "a long enough test password";

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
}

public sealed class SqlitePageTests(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPageTests(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
