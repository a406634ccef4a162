using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>At a 375 px phone width the lists become cards and nothing needs sideways scrolling.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PhoneWidthTests(BrowserFixture browser)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 740 };

    [Fact]
    public async Task ContactListAndRecord_AtPhoneWidth_FitTheScreen()
    {
        var page = await browser.SignedInPageAsync(Phone);
        await page.OpenAsync("/contacts");
        await Expect(page.RecordLinks()).ToHaveCountAsync(25);

        // Rows are cards: each value carries its column's label, and the table header is hidden.
        await Expect(page.Locator(".record-list thead")).ToBeHiddenAsync();
        await Expect(page.Locator(".record-list tbody td[data-column=email]").First).ToHaveAttributeAsync("data-label", "Email");
        Assert.False(await page.OverflowsHorizontallyAsync(), "the contact list scrolls sideways at 375 px");
        Assert.False(await page.Locator(".record-list .mud-table-container").OverflowsHorizontallyAsync(), "the cards are wider than the screen");
        await Expect(page.RecordLinks().First).ToBeInViewportAsync(new() { Ratio = 1 });

        // The search box is usable and finds a contact.
        var name = await page.RecordLinks().First.InnerTextAsync();
        var lastName = name.Split(',')[0];
        await page.SearchListAsync(lastName);
        await Expect(page.RecordLinks().First).ToContainTextAsync(lastName);

        await page.RecordLinks().First.ClickAsync();
        await page.WaitForRecordPageAsync("contacts");
        await Expect(page.History().Locator(".history-entry").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToBeInViewportAsync();
        Assert.False(await page.OverflowsHorizontallyAsync(), "the contact page scrolls sideways at 375 px");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByTestId("save")).ToBeVisibleAsync();
        Assert.False(await page.OverflowsHorizontallyAsync(), "the contact form scrolls sideways at 375 px");
    }
}
