using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>The company list: search, multi-column sort, pages with a total, and a company page listing its people.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CompanyListTests(BrowserFixture browser)
{
    [Fact]
    public async Task CompanyList_SearchBox_FindsACompanyByAWordOfItsName()
    {
        var page = await browser.SignedInPageAsync();
        var word = PageActions.UniqueWord("Zanzibar");
        await page.CreateCompanyAsync($"{word} Holdings");

        await page.OpenAsync("/companies");
        await Expect(page.RecordLinks()).ToHaveCountAsync(25);
        await page.SearchListAsync(word.ToLowerInvariant());

        await Expect(page.RecordLinks()).ToHaveCountAsync(1);
        await Expect(page.RecordLinks()).ToHaveTextAsync($"{word} Holdings");
        await Expect(page.ListTotal()).ToHaveTextAsync("1–1 of 1");
        Assert.Contains($"q={word.ToLowerInvariant()}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompanyList_Pages_ShowTheTotalAndTheNextRows()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/companies");
        await Expect(page.ListTotal()).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1–25 of \d+$"));
        var total = int.Parse((await page.ListTotal().InnerTextAsync()).Split(" of ")[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 60, $"the demo has at least 60 companies, the list says {total}");
        var firstPage = await page.ColumnTextsAsync("name");

        await page.Locator(".mud-pagination").GetByRole(AriaRole.Button, new() { Name = "Page 2", Exact = true }).ClickAsync();

        await Expect(page.ListTotal()).ToHaveTextAsync($"26–50 of {total}");
        var secondPage = await page.ColumnTextsAsync("name");
        Assert.Equal(25, secondPage.Count);
        Assert.Empty(firstPage.Intersect(secondPage));
        Assert.True(string.Compare(firstPage[^1], secondPage[0], StringComparison.OrdinalIgnoreCase) <= 0,
            "page 2 continues where page 1 ended in name order");
    }

    [Fact]
    public async Task CompanyList_ClickingHeaders_SortsByOneColumnThenAnother()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/companies");
        await Expect(page.RecordLinks()).ToHaveCountAsync(25);

        // Name, clicked twice: descending.
        await page.HeaderCell("name").Locator("button").ClickAsync();
        await Expect(page.HeaderCell("name")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.HeaderCell("name").Locator("button").ClickAsync();
        await Expect(page.HeaderCell("name")).ToHaveAttributeAsync("aria-sort", "descending");
        await page.WaitForListAsync();
        var names = await page.ColumnTextsAsync("name");
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase), names);

        // A third click stops sorting by name; then industry and, within one industry, employees.
        await page.HeaderCell("name").Locator("button").ClickAsync();
        await Expect(page.HeaderCell("name")).ToHaveAttributeAsync("aria-sort", "none");
        await page.HeaderCell("industry").Locator("button").ClickAsync();
        await page.HeaderCell("employeeCount").Locator("button").ClickAsync();
        await Expect(page.HeaderCell("employeeCount")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(page.HeaderCell("industry")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.WaitForListAsync();
        Assert.Contains("sort=industry%2CemployeeCount", page.Url, StringComparison.Ordinal);

        var industries = await page.ColumnTextsAsync("industry");
        var employees = (await page.ColumnTextsAsync("employeeCount"))
            .Select(e => e.Length == 0 ? int.MaxValue : int.Parse(e.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var rows = industries.Zip(employees).ToList();
        var expected = rows.OrderBy(r => r.First.Length == 0 ? "\uffff" : r.First, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Second).ToList();
        Assert.Equal(expected, rows);
        Assert.True(industries.Distinct().Count() < industries.Count, "the page holds several companies of one industry, so the second key matters");
    }

    [Fact]
    public async Task CompanyList_ExportCsv_DownloadsTheRowsFound_WithTheColumnsShown_AndNoSpreadsheetFormulas()
    {
        var page = await browser.SignedInPageAsync();
        var word = PageActions.UniqueWord("Exportia");
        await page.CreateCompanyAsync($"=SUM(1) {word}, Ltd", industry: "Media");
        await page.OpenAsync("/companies");
        await page.SearchListAsync(word);
        await Expect(page.RecordLinks()).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());

        Assert.Equal("companies.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,Domain,Industry,Employees,City,Country,Owner", lines[0]);
        Assert.Equal($"\"'=SUM(1) {word}, Ltd\",,Media,,,,Administrator", Assert.Single(lines.Skip(1)));
    }

    [Fact]
    public async Task CompanyPage_ListsTheContactsThatWorkThere()
    {
        var page = await browser.SignedInPageAsync();
        var companyName = PageActions.UniqueWord("Larkspur") + " Foods";
        var companyId = await page.CreateCompanyAsync(companyName);
        await Expect(page.GetByTestId("company-contacts")).ToContainTextAsync("Contacts (0)");

        // Added from the company page: the company is already chosen.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add contact" }).ClickAsync();
        await Expect(page.Field("Company")).ToHaveValueAsync(companyName);
        var lastName = PageActions.UniqueWord("Okoro");
        await page.FillFieldAsync("First name", "Nia");
        await page.FillFieldAsync("Last name", lastName);
        await page.SaveAsync();
        await page.WaitForRecordPageAsync("contacts");

        await page.Locator("[data-field=company] a").ClickAsync();
        await page.WaitForURLAsync($"**/companies/{companyId}");
        var contacts = page.GetByTestId("company-contacts");
        await Expect(contacts).ToContainTextAsync("Contacts (1)");
        await Expect(contacts.Locator(".contact-name")).ToHaveTextAsync($"Nia {lastName}");
    }
}
