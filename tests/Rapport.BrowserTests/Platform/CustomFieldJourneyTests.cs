using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Platform;

/// <summary>An admin defines a custom field on the settings page, fills it on a new contact and sees it on the record.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CustomFieldJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_DefinesATextField_FillsItOnANewContact_AndTheRecordShowsIt()
    {
        var page = await browser.SignedInPageAsync();
        var label = PageActions.UniqueWord("Tier");
        var name = label.ToLowerInvariant();

        await page.OpenAsync("/settings/custom-fields");
        await page.GetByTestId("cf-new").ClickAsync();
        await page.GetByTestId("cf-label").FillAsync(label);
        await Expect(page.GetByTestId("cf-name")).ToHaveValueAsync(name);
        await page.GetByTestId("cf-help").FillAsync("The contract tier");
        await page.GetByTestId("cf-save").ClickAsync();
        await Expect(page.GetByTestId($"cf-row-{name}")).ToHaveTextAsync(label);
        await page.ScreenshotAsync("custom-fields-page");

        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("Last name", PageActions.UniqueWord("Fielding"));
        var input = page.GetByTestId($"cf-field-{name}").Locator("input");
        await Expect(page.GetByTestId($"cf-field-{name}")).ToContainTextAsync("The contract tier");
        await input.FillAsync("gold");
        await page.SaveAsync();
        await page.WaitForRecordPageAsync("contacts");
        await Expect(page.Locator($"[data-field='customFields.{name}'] .field-value")).ToHaveTextAsync("gold");
        await page.ScreenshotAsync("custom-field-on-record");
    }
}
