using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>Deleting asks first; cancelling keeps the record, confirming removes it everywhere.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RecordDeleteTests(BrowserFixture browser)
{
    [Fact]
    public async Task DeleteCompany_AsksForConfirmation_CancelKeepsIt_ConfirmRemovesIt()
    {
        var page = await browser.SignedInPageAsync();
        var word = PageActions.UniqueWord("Quagmire");
        var id = await page.CreateCompanyAsync($"{word} Ventures");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"“{word} Ventures” will be deleted");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.ReloadAndWaitAsync();
        await Expect(page.Heading()).ToHaveTextAsync($"{word} Ventures");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await page.WaitForURLAsync("**/companies");
        await page.SearchListAsync(word);
        await Expect(page.ListTotal()).ToHaveTextAsync("0 records");
        await page.OpenAsync($"/companies/{id}");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("Company not found");
    }

    [Fact]
    public async Task DeleteContact_AfterConfirmation_IsGoneFromTheList()
    {
        var page = await browser.SignedInPageAsync();
        var lastName = PageActions.UniqueWord("Vantongeren");
        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("First name", "Rui");
        await page.FillFieldAsync("Last name", lastName);
        await page.SaveAsync();
        var id = await page.WaitForRecordPageAsync("contacts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await page.WaitForURLAsync("**/contacts");
        await page.SearchListAsync(lastName);
        await Expect(page.ListTotal()).ToHaveTextAsync("0 records");
        await page.OpenAsync($"/contacts/{id}/edit");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("Contact not found");
    }
}
