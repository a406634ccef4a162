using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>The journey of the foundation issue: a person records a new company and a contact there, finds it again and edits it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContactJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_CreatesCompanyAndContact_FindsContactBySearch_EditsIt_AndSeesTheChangeInHistory()
    {
        var page = await browser.SignedInPageAsync();
        var companyName = PageActions.UniqueWord("Brightwater") + " Analytics";
        var lastName = PageActions.UniqueWord("Quill");

        // A new company.
        await page.OpenAsync("/companies/new");
        await page.FillFieldAsync("Name", companyName);
        await page.FillFieldAsync("Domain", "brightwater.example");
        await page.FillFieldAsync("Industry", "Software");
        await page.SaveAsync();
        await page.WaitForRecordPageAsync("companies");
        await Expect(page.Heading()).ToHaveTextAsync(companyName);

        // A contact at that company, picked in the company autocomplete.
        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("First name", "Ada");
        await page.FillFieldAsync("Last name", lastName);
        await page.FillFieldAsync("Job title", "Analyst");
        await page.GetByTestId("emails").GetByLabel("Email", new() { Exact = true }).FillAsync($"ada@{lastName.ToLowerInvariant()}.example");
        await page.Field("Company").FillAsync(companyName[..14]);
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(companyName).ClickAsync();
        await Expect(page.Field("Company")).ToHaveValueAsync(companyName);
        await page.SaveAsync();
        var contactId = await page.WaitForRecordPageAsync("contacts");
        await Expect(page.Heading()).ToHaveTextAsync($"Ada {lastName}");
        await Expect(page.Locator("[data-field=company] a")).ToHaveTextAsync(companyName);

        // Found again through the list's search box.
        await page.OpenAsync("/contacts");
        await page.SearchListAsync(lastName);
        await Expect(page.ListRows()).ToHaveCountAsync(1);
        await page.RecordLinks().First.ClickAsync();
        await page.WaitForURLAsync($"**/contacts/{contactId}");

        // Edited, and the change shows in its history: who, and old → new.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.FillFieldAsync("Job title", "Head of analytics");
        await page.Field("Tags").FillAsync("decision-maker");
        await page.Field("Tags").PressAsync("Enter");
        await Expect(page.GetByTestId("tags-input").Locator(".mud-chip")).ToHaveTextAsync("decision-maker");
        await page.SaveAsync();
        await page.WaitForURLAsync($"**/contacts/{contactId}");
        await Expect(page.Locator("[data-field=jobTitle] .field-value")).ToHaveTextAsync("Head of analytics");
        var change = page.History().Locator("[data-action=updated] li[data-field=jobTitle]");
        await Expect(change.Locator(".history-old")).ToHaveTextAsync("Analyst");
        await Expect(change.Locator(".history-new")).ToHaveTextAsync("Head of analytics");
        await Expect(page.History().Locator("[data-action=updated] li[data-field=tags] .history-new")).ToHaveTextAsync("decision-maker");
        await Expect(page.Locator("[data-field=tags] .mud-chip")).ToHaveTextAsync("decision-maker");
        await Expect(page.History().Locator("[data-action=updated]").First).ToContainTextAsync("by Administrator");
        await Expect(page.History().Locator("[data-action=updated]").First).ToContainTextAsync("via ui");
    }
}
