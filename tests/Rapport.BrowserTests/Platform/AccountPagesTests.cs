using System.Net;
using System.Net.Http.Headers;
using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Platform;

/// <summary>The admin's user page, a user's API keys and the home dashboard, as people use them.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountPagesTests(BrowserFixture browser)
{
    private const string Password = "a sales rep's long password";

    [Fact]
    public async Task Admin_CreatesASalesUser_WhoCanSignIn_ButIsDeniedTheUsersPage()
    {
        var admin = await browser.SignedInPageAsync();
        await admin.GotoAsync("/admin/users");
        await Expect(admin.Locator("tbody")).ToContainTextAsync(RapportProcess.AdminEmail);

        var email = $"{PageActions.UniqueWord("rep").ToLowerInvariant()}@browser.test";
        await admin.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        await dialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await dialog.GetByLabel("Display name").FillAsync("Rita Rep");
        await dialog.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();

        var row = admin.Locator("tbody tr").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("Sales");
        await Expect(row).ToContainTextAsync("Active");

        var rep = await browser.SignedInPageAsync(email, Password);
        await Expect(rep.GetByTestId("company-count")).ToHaveTextAsync("0");
        await rep.GotoAsync("/admin/users");
        await Expect(rep.Locator("h1, .mud-typography-h4").First).ToContainTextAsync("Access denied");
        await Expect(rep.GetByRole(AriaRole.Button, new() { Name = "New user" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ApiKey_IsShownOnce_WorksAsBearer_AndStopsWorkingWhenRevoked()
    {
        var page = await browser.SignedInPageAsync();
        await page.GotoAsync("/settings/api-keys");
        var name = PageActions.UniqueWord("Nightly export");
        await page.GetByRole(AriaRole.Button, new() { Name = "New API key" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("Name").FillAsync(name);
        await dialog.GetByText("Read and write").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = await dialog.Locator("input[data-testid=new-api-key], [data-testid=new-api-key] input").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(key));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        var row = page.Locator("tbody tr").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Active");
        await Expect(row).ToContainTextAsync(key[..8]);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(key);

        using var api = new HttpClient { BaseAddress = browser.Server.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/contacts?limit=1")).StatusCode);

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Revoked");
        // The API may cache an authenticated key briefly; a revoke must end it at once on this node.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }

    [Fact]
    public async Task Home_ShowsTheDemoWorkspaceCounts_AndRecentRecords()
    {
        var page = await browser.SignedInPageAsync();
        await page.GotoAsync("/");
        var companies = await page.GetByTestId("company-count").TextContentAsync();
        var contacts = await page.GetByTestId("contact-count").TextContentAsync();
        Assert.True(int.Parse(companies!.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) >= 50, companies);
        Assert.True(int.Parse(contacts!.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) >= 300, contacts);
        await Expect(page.Locator(".recent-title").First).ToBeVisibleAsync();
    }
}
