using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.Users;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Auth;

public abstract partial class SignInTests(RapportApp app)
{
    private const string Password = "a long enough test password";

    [Fact]
    public async Task SignIn_ThroughTheLoginForm_IssuesCookieThatOpensTheApp()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var client = app.BrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var response = await client.PostLoginAsync(user.Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertRedirectsHome(response);
        Assert.True(response.SetsAuthCookie());

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("_framework/blazor.web.js", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongPassword_AndUnknownUser_GetTheSameAnswer()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var wrong = await app.BrowserClient().PostLoginAsync(user.Email, "not the password at all");
        var unknown = await app.BrowserClient().PostLoginAsync($"nobody-{Guid.NewGuid():N}@tests.local", "not the password at all");

        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.False(wrong.SetsAuthCookie());
        Assert.False(unknown.SetsAuthCookie());
        var wrongAlert = Alert(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(UiSessions.FailedSignIn, wrongAlert);
        Assert.Equal(wrongAlert, Alert(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenTheRightPasswordIsRefused_UntilAnAdminUnlocks()
    {
        var user = await app.CreateUserAsync(Roles.Support);
        for (var i = 0; i < 5; i++)
            Assert.False((await app.BrowserClient().PostLoginAsync(user.Email, $"wrong password number {i}")).SetsAuthCookie());

        var locked = await app.BrowserClient().PostLoginAsync(user.Email, Password);
        Assert.False(locked.SetsAuthCookie());
        Assert.Equal(UiSessions.FailedSignIn, Alert(await locked.Content.ReadAsStringAsync()));
        var summary = await app.WithServicesAsync(sp => sp.GetRequiredService<UserAdministration>().FindAsync(user.Id, default));
        Assert.True(summary!.IsLockedOut(DateTimeOffset.UtcNow));

        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().UnlockAsync(user.Id, default);
            return true;
        });
        await app.SignInAsync(user.Email, Password);
    }

    [Fact]
    public async Task SignIn_WithForeignReturnUrl_StaysOnThisSite()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var client = app.BrowserClient();
        var form = await client.GetStringAsync("/account/login?returnUrl=%2F%2Fevil.example%2F");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login?returnUrl=%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = user.Email,
            ["Input.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertRedirectsHome(response);
    }

    private static void AssertRedirectsHome(HttpResponseMessage response)
    {
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", target.Host);
        Assert.Equal("/", target.AbsolutePath);
    }

    private static string? Alert(string html)
    {
        var match = AlertParagraph().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex AlertParagraph();
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
