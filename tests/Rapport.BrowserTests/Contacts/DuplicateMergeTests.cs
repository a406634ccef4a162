using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>A person is warned of a duplicate while creating it, finds the pair on /duplicates and merges it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DuplicateMergeTests(BrowserFixture browser)
{
    [Fact]
    public async Task CreateWarnsOfDuplicate_DuplicatesPageListsIt_MergeKeepsChosenValue_HistorySaysMerged()
    {
        var page = await browser.SignedInPageAsync();
        var lastName = PageActions.UniqueWord("Okonkwo");
        var email = $"chidi@{lastName.ToLowerInvariant()}.example";
        var first = await CreateContactAsync(page, "Chidi", lastName, email);

        // The same person again, email typed in capitals: the form warns before saving and links to the first.
        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("First name", "Chidi A.");
        await page.FillFieldAsync("Last name", $"{lastName}-Anagonye");
        await page.GetByTestId("emails").GetByLabel("Email", new() { Exact = true }).FillAsync(email.ToUpperInvariant());
        await page.SaveAsync();
        var warning = page.GetByTestId("possible-duplicates");
        await Expect(warning).ToContainTextAsync("This may already exist");
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = $"Chidi {lastName}" })).ToHaveAttributeAsync("href", $"/contacts/{first}");
        await Expect(warning).ToContainTextAsync("same email");
        await page.SaveAsync();
        var second = await page.WaitForRecordPageAsync("contacts");

        await page.OpenAsync("/duplicates?type=contact");
        var pair = page.Locator($"tr.duplicate-pair:has(a[href='/contacts/{first}']):has(a[href='/contacts/{second}'])");
        await Expect(pair).ToContainTextAsync("same email");
        await pair.GetByTestId("merge-pair").ClickAsync();

        await page.WaitForURLAsync("**/duplicates/merge/contact/**");
        await page.WaitForInteractiveAsync();
        // Keep the first-created contact, but take the other one's last name.
        if (await page.GetByTestId("survivor-name").InnerTextAsync() != $"Chidi {lastName}")
            await page.GetByTestId("swap").ClickAsync();
        await Expect(page.GetByTestId("survivor-name")).ToHaveTextAsync($"Chidi {lastName}");
        await page.Locator("tr[data-field=lastName] input[value=merged]").CheckAsync();
        await page.GetByTestId("merge").ClickAsync();

        var survivor = await page.WaitForRecordPageAsync("contacts");
        Assert.Equal(first, survivor);
        await Expect(page.Heading()).ToHaveTextAsync($"Chidi {lastName}-Anagonye");
        var merged = page.History().Locator("li[data-field=mergedFrom] .history-new");
        await Expect(merged).ToContainTextAsync(second.ToString());
        await Expect(merged).ToContainTextAsync($"Chidi A. {lastName}-Anagonye");

        await page.OpenAsync($"/contacts/{second}");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("Contact not found");
    }

    [Fact]
    public async Task CompanyWithSameDomain_IsWarnedOf_ThenMerged_ItsContactsMoveToTheSurvivor()
    {
        var page = await browser.SignedInPageAsync();
        var word = PageActions.UniqueWord("Vandelay");
        var domain = $"{word.ToLowerInvariant()}.example";
        await page.OpenAsync("/companies/new");
        await page.FillFieldAsync("Name", $"{word} Industries");
        await page.FillFieldAsync("Domain", domain);
        await page.SaveAsync();
        var first = await page.WaitForRecordPageAsync("companies");

        await page.OpenAsync("/companies/new");
        await page.FillFieldAsync("Name", $"{word} Imports GmbH");
        await page.FillFieldAsync("Domain", domain);
        await page.SaveAsync();
        await Expect(page.GetByTestId("possible-duplicates")).ToContainTextAsync("same domain");
        await page.SaveAsync();
        var second = await page.WaitForRecordPageAsync("companies");
        await page.OpenAsync($"/contacts/new?companyId={second}");
        await page.FillFieldAsync("Last name", $"Costanza{word}");
        await page.SaveAsync();
        await page.WaitForRecordPageAsync("contacts");

        await page.OpenAsync($"/duplicates/merge/company/{second}/{first}");
        await Expect(page.GetByTestId("survivor-name")).ToHaveTextAsync($"{word} Imports GmbH");
        await page.GetByTestId("swap").ClickAsync();
        await Expect(page.GetByTestId("survivor-name")).ToHaveTextAsync($"{word} Industries");
        await page.GetByTestId("merge").ClickAsync();

        Assert.Equal(first, await page.WaitForRecordPageAsync("companies"));
        await Expect(page.GetByTestId("company-contacts")).ToContainTextAsync($"Costanza{word}");
        await Expect(page.History().Locator("li[data-field=mergedFrom] .history-new")).ToContainTextAsync($"{word} Imports GmbH");
    }

    private static async Task<Guid> CreateContactAsync(IPage page, string firstName, string lastName, string email)
    {
        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("First name", firstName);
        await page.FillFieldAsync("Last name", lastName);
        await page.GetByTestId("emails").GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.SaveAsync();
        return await page.WaitForRecordPageAsync("contacts");
    }
}
