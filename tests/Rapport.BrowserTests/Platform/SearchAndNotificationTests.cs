using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Platform;

/// <summary>The app bar's global search box and notification bell, as people use them.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SearchAndNotificationTests(BrowserFixture browser)
{
    [Fact]
    public async Task SlashOpensGlobalSearch_TypingShowsGroupedResults_PickingOneOpensTheRecord()
    {
        var page = await browser.SignedInPageAsync();
        var name = PageActions.UniqueWord("Findable") + " Ltd";
        var id = await page.CreateCompanyAsync(name);
        await page.OpenAsync("/");

        await page.Locator("body").ClickAsync(new() { Position = new() { X = 600, Y = 600 } });
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#global-search")).ToBeFocusedAsync();
        // One input event, so one search answers: keystrokes slower than the debounce on a busy machine would each
        // search, and a late answer re-renders the list under the pointer (the test would click a detached row).
        await page.Locator("#global-search").FillAsync(name.Split(' ')[0][..^2]);

        var result = page.Locator(".global-search-result").Filter(new() { HasText = name });
        await Expect(result).ToHaveAttributeAsync("data-type", "company");
        await Expect(result).ToContainTextAsync("Companies");
        await result.ClickAsync();

        await page.WaitForURLAsync($"**/companies/{id}");
        await Expect(page.Heading()).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task MentionInANote_ShowsInTheMentionedUsersBell()
    {
        const string password = "a mentioned user's long password";
        var admin = await browser.SignedInPageAsync();
        var displayName = "Nora " + PageActions.UniqueWord("M");
        var email = $"{PageActions.UniqueWord("nora").ToLowerInvariant()}@browser.test";
        // A role that reads every record: a mention only reaches someone who may open the activity.
        await admin.CreateUserAsync(email, displayName, password, "Manager");

        await admin.CreateCompanyAsync(PageActions.UniqueWord("Mention") + " Ltd");
        await admin.LogFirstNoteAsync("Renewal question", $"@{displayName} can you check the renewal?");
        // That the author is not notified of their own mention is NotificationTests' to check: this admin is shared
        // by every browser test, so its bell can hold another test's notification.

        var nora = await browser.SignedInPageAsync(email, password);
        await Expect(nora.Locator(".notification-bell .mud-badge")).ToHaveTextAsync("1");
        await nora.GetByRole(AriaRole.Button, new() { Name = "Notifications" }).ClickAsync();
        var item = nora.Locator(".mud-popover-open").GetByText("mentioned you in \"Renewal question\"");
        await Expect(item).ToBeVisibleAsync();
    }
}
