using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>List filters narrow the rows the way the API's filter expression does, and live in the URL.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContactFilterTests(BrowserFixture browser)
{
    [Fact]
    public async Task ContactList_FilteredByLifecycleStages_ShowsOnlyThoseStages_AndKeepsTheFilterOnReload()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/contacts");
        await Expect(page.RecordLinks()).ToHaveCountAsync(25);
        var all = await TotalAsync(page);

        await page.SelectAsync("Lifecycle stage", "Customer", "MQL");

        var filtered = page.Locator(".record-list[data-loading=false][data-shown-filter=\"lifecycleStage in ('customer', 'mql')\"]");
        await Expect(filtered).ToHaveCountAsync(1);
        var stages = await page.ColumnTextsAsync("stage");
        Assert.NotEmpty(stages);
        Assert.All(stages, s => Assert.Contains(s, new[] { "Customer", "MQL" }));
        Assert.Contains("Customer", stages);
        var some = await TotalAsync(page);
        Assert.InRange(some, 1, all - 1);
        Assert.Contains("f_stage=customer", page.Url, StringComparison.Ordinal);

        await page.ReloadAndWaitAsync();
        await Expect(filtered).ToHaveCountAsync(1);
        Assert.Equal(some, await TotalAsync(page));
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse((await page.ListTotal().InnerTextAsync()).Split(" of ")[^1], System.Globalization.CultureInfo.InvariantCulture);
}
