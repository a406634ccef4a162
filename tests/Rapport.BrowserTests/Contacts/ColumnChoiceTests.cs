using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>The columns a person picks for a list stay picked in their browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ColumnChoiceTests(BrowserFixture browser)
{
    [Fact]
    public async Task CompanyColumns_ChosenInTheChooser_SurviveAReload()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/companies");
        await Expect(page.HeaderCell("domain")).ToBeVisibleAsync();
        await Expect(page.HeaderCell("phone")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Columns" }).ClickAsync();
        var chooser = page.GetByTestId("column-chooser");
        await chooser.GetByLabel("Domain").ClickAsync();
        await chooser.GetByLabel("Phone").ClickAsync();
        await Expect(page.HeaderCell("domain")).ToHaveCountAsync(0);
        await Expect(page.HeaderCell("phone")).ToBeVisibleAsync();

        await page.ReloadAndWaitAsync();
        await Expect(page.HeaderCell("phone")).ToBeVisibleAsync();
        await Expect(page.HeaderCell("domain")).ToHaveCountAsync(0);
        await Expect(page.HeaderCell("name")).ToBeVisibleAsync();

        // Another browser (a fresh profile) still gets the default columns.
        var other = await browser.SignedInPageAsync();
        await other.OpenAsync("/companies");
        await Expect(other.HeaderCell("domain")).ToBeVisibleAsync();
        await Expect(other.HeaderCell("phone")).ToHaveCountAsync(0);
    }
}
