using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>The services' validation messages appear under the fields they are about, and nothing is saved.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RecordValidationTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewCompany_WithoutAName_ShowsTheMessageUnderName_AndStaysOnTheForm()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/companies/new");
        await page.FillFieldAsync("Domain", "nameless.example");

        await page.SaveAsync();

        var name = page.Locator(".mud-input-control").Filter(new() { Has = page.Field("Name") });
        await Expect(name).ToContainTextAsync("The Name field is required.");
        await Expect(page.Field("Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Field("Domain")).ToHaveAttributeAsync("aria-invalid", "false");
        Assert.EndsWith("/companies/new", page.Url, StringComparison.Ordinal);

        // Fixing the field clears the message and saves.
        await page.FillFieldAsync("Name", PageActions.UniqueWord("Nameful"));
        await page.SaveAsync();
        await page.WaitForRecordPageAsync("companies");
    }

    [Fact]
    public async Task NewContact_WithABadSecondEmail_ShowsTheMessageOnThatRow()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("Last name", PageActions.UniqueWord("Emailer"));
        var emails = page.GetByTestId("emails");
        await emails.GetByLabel("Email", new() { Exact = true }).FillAsync("first@example.com");
        await emails.GetByRole(AriaRole.Button, new() { Name = "Add email" }).ClickAsync();
        await emails.GetByLabel("Email", new() { Exact = true }).Nth(1).FillAsync("not-an-email");

        await page.SaveAsync();

        var second = emails.Locator(".channel-row").Nth(1);
        await Expect(second).ToContainTextAsync("not a valid e-mail address");
        await Expect(emails.Locator(".channel-row").Nth(0)).Not.ToContainTextAsync("not a valid");
        Assert.EndsWith("/contacts/new", page.Url, StringComparison.Ordinal);
    }
}
