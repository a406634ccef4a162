using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;

namespace Rapport.Tests.Infrastructure;

/// <summary>What a browser does: sign in through the real login form and carry the cookie; and acting as a user inside the app.</summary>
public static partial class UiSessions
{
    public const string FailedSignIn = "Email or password is incorrect, or the account is locked. Try again later.";

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, like a browser seen one step at a time.</summary>
    public static HttpClient BrowserClient(this RapportApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs the login form for its antiforgery token, then posts the credentials as the form would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, "The login form carries no antiforgery token.");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>A browser client signed in as the user; fails the test if the sign-in does not succeed.</summary>
    public static async Task<HttpClient> SignInAsync(this RapportApp app, string email, string password)
    {
        var client = app.BrowserClient();
        var response = await client.PostLoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static bool SetsAuthCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("rapport.auth=", StringComparison.Ordinal));

    /// <summary>Runs <paramref name="action"/> in a new scope acting as the user, as their signed-in page would.</summary>
    public static async Task<T> ActingAsAsync<T>(this RapportApp app, Guid userId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<RapportUser>>().FindByIdAsync(userId.ToString())
            ?? throw new InvalidOperationException($"No user {userId}.");
        var principal = await services.GetRequiredService<SignInManager<RapportUser>>().CreateUserPrincipalAsync(user);
        services.GetRequiredService<CurrentActor>().Set(principal, "ui");
        return await action(services);
    }

    public static Task ActingAsAsync(this RapportApp app, Guid userId, Func<IServiceProvider, Task> action) =>
        app.ActingAsAsync(userId, async services =>
        {
            await action(services);
            return true;
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
