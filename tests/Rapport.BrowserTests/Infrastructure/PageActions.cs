using System.Text.RegularExpressions;

namespace Rapport.BrowserTests.Infrastructure;

/// <summary>What a person does on Rapport's pages, in their words, so the tests read as journeys.</summary>
public static partial class PageActions
{
    /// <summary>
    /// Opens a page and waits until its circuit is live: pages are prerendered, so they show before their
    /// buttons and fields respond.
    /// </summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static async Task ReloadAndWaitAsync(this IPage page)
    {
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>Names that full-text search finds only in the record a test created.</summary>
    public static string UniqueWord(string prefix) =>
        prefix + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray()).PadRight(6, 'q');

    /// <summary>A MudBlazor text field, found by its label.</summary>
    public static ILocator Field(this IPage page, string label) =>
        page.GetByLabel(label, new() { Exact = true });

    public static async Task FillFieldAsync(this IPage page, string label, string value)
    {
        var field = page.Field(label);
        await field.FillAsync(value);
        await field.BlurAsync(); // MudBlazor binds on change
    }

    /// <summary>Opens a MudSelect by its label, picks the options (several for a multi-select) and closes it.</summary>
    public static async Task SelectAsync(this IPage page, string label, params string[] options)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        var list = page.Locator(".mud-popover-open .mud-list");
        foreach (var option in options)
            await list.GetByText(option, new() { Exact = true }).ClickAsync();
        // A multi-select stays open while options are picked; a click elsewhere (here: on the heading) closes it.
        var heading = await page.Locator("h1").BoundingBoxAsync();
        await page.Mouse.ClickAsync(heading!.X + 2, heading.Y + 2);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
    }

    public static Task SaveAsync(this IPage page) => page.GetByTestId("save").ClickAsync();

    /// <summary>Waits for a record page (/companies/{id} or /contacts/{id}) and returns the record's id.</summary>
    public static async Task<Guid> WaitForRecordPageAsync(this IPage page, string plural)
    {
        await page.WaitForURLAsync(new Regex($"/{plural}/[0-9a-f-]{{36}}$"));
        return Guid.Parse(page.Url[^36..]);
    }

    /// <summary>Creates a company through its form and waits for its record page; returns its id.</summary>
    public static async Task<Guid> CreateCompanyAsync(this IPage page, string name, string? industry = null)
    {
        await page.OpenAsync("/companies/new");
        await page.FillFieldAsync("Name", name);
        if (industry is not null) await page.FillFieldAsync("Industry", industry);
        await page.SaveAsync();
        // A name like one created earlier is warned of before saving; these journeys mean to create it anyway.
        await page.WaitForFunctionAsync(
            "() => /^\\/companies\\/[0-9a-f-]{36}$/.test(location.pathname) || !!document.querySelector('[data-testid=possible-duplicates]')");
        if (await page.GetByTestId("possible-duplicates").CountAsync() > 0) await page.SaveAsync();
        return await page.WaitForRecordPageAsync("companies");
    }

    /// <summary>An admin adds a user on /admin/users with the role, and sees them listed as active.</summary>
    public static async Task CreateUserAsync(this IPage admin, string email, string displayName, string password, string role)
    {
        await admin.OpenAsync("/admin/users");
        await admin.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        await dialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await dialog.GetByLabel("Display name").FillAsync(displayName);
        await dialog.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Role" }).ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list").GetByText(role, new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tbody tr").Filter(new() { HasText = email })).ToContainTextAsync("Active");
    }

    /// <summary>Logs the first note on a record just created, through its timeline's "Log activity" dialog.</summary>
    public static async Task LogFirstNoteAsync(this IPage page, string subject, string body)
    {
        var timeline = page.GetByTestId("timeline");
        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await page.FillFieldAsync("Subject", subject); // a note is the default kind
        await page.FillFieldAsync("Note (markdown)", body);
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(timeline.Locator(".timeline-item")).ToHaveCountAsync(1);
    }

    public static ILocator Heading(this IPage page) => page.Locator("h1");

    public static ILocator History(this IPage page) => page.GetByTestId("history");

    public static ILocator ListRows(this IPage page) => page.Locator(".record-list tbody tr:has(td)");

    public static ILocator RecordLinks(this IPage page) => page.Locator(".record-list [data-testid=record-link]");

    /// <summary>
    /// Waits until the list shows the rows of its latest request. Call it after checking something rendered
    /// together with the request (a header's sort state, the total), so the wait cannot pass too early.
    /// </summary>
    public static Task WaitForListAsync(this IPage page) =>
        Assertions.Expect(page.Locator(".record-list[data-loading=false]")).ToHaveCountAsync(1);

    public static ILocator ListTotal(this IPage page) => page.GetByTestId("list-total");

    public static ILocator HeaderCell(this IPage page, string column) => page.Locator($".record-list th[data-column={column}]");

    /// <summary>The text of one column in every row shown, top to bottom.</summary>
    public static Task<IReadOnlyList<string>> ColumnTextsAsync(this IPage page, string column) =>
        page.Locator($".record-list tbody td[data-column={column}]").AllInnerTextsAsync();

    /// <summary>Whether the page can be scrolled sideways: what a phone user must never need.</summary>
    public static Task<bool> OverflowsHorizontallyAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    /// <summary>Types into the list's search box and waits until the rows shown are the ones found.</summary>
    /// <summary>Whether an element's content is wider than the element (cut off or scrolled inside it).</summary>
    public static Task<bool> OverflowsHorizontallyAsync(this ILocator element) =>
        element.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1");

    public static async Task SearchListAsync(this IPage page, string text)
    {
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(text);
        var shown = page.Locator(".record-list[data-loading=false]").And(page.Locator($".record-list[data-shown-q=\"{text}\"]"));
        await Assertions.Expect(shown).ToHaveCountAsync(1);
    }

    /// <summary>Fails with the page's HTML and a screenshot path when a journey goes wrong, to see why.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(Path.GetTempPath(), "rapport-browser-shots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }
}
