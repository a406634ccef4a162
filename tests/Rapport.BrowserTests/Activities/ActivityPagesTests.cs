using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Activities;

/// <summary>The activity stream and "My tasks", on the demo workspace's activity history.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ActivityPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task ActivityStream_ShowsTheHistory_FiltersByKind_AndShowsMore()
    {
        var page = await browser.SignedInPageAsync();
        await page.GotoAsync("/activities");
        var items = page.Locator(".timeline-item");
        await Expect(items).ToHaveCountAsync(25);

        await page.GetByRole(AriaRole.Button, new() { Name = "call", Exact = true }).ClickAsync();
        await Expect(page.Locator(".timeline-item:not([data-activity-type=call])")).ToHaveCountAsync(0);
        await Expect(items.First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
        await Expect(items.Nth(25)).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline-item:not([data-activity-type=call])")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task MyTasks_ListsOverdueFirstHighlighted_AndMarkDoneRemovesATask()
    {
        var page = await browser.SignedInPageAsync();
        await page.GotoAsync("/tasks");
        var rows = page.Locator(".my-task");
        await Expect(rows.First).ToBeVisibleAsync();

        var overdue = await rows.EvaluateAllAsync<bool[]>("rows => rows.map(r => r.dataset.overdue === 'true')");
        Assert.Equal(overdue.OrderByDescending(o => o), overdue); // every overdue task before every other
        Assert.Equal(overdue.Count(o => o), await page.Locator(".my-task.task-overdue").CountAsync());

        var subjects = await rows.Locator(".task-subject").AllInnerTextsAsync();
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(subjects.Count - 1);
        await page.ReloadAsync();
        await Expect(rows).ToHaveCountAsync(subjects.Count - 1); // done for good, not just hidden
        var left = await rows.Locator(".task-subject").AllInnerTextsAsync();
        Assert.Equal(subjects.Count(s => s == subjects[0]) - 1, left.Count(s => s == subjects[0]));
    }

    [Fact]
    public async Task CompanyPageTimeline_LogsACallAndAMeeting_AndRefusesAMeetingThatEndsBeforeItStarts()
    {
        var page = await browser.SignedInPageAsync();
        await page.CreateCompanyAsync(PageActions.UniqueWord("Timeline") + " Ltd");
        // The company's own page carries its timeline.
        var timeline = page.GetByTestId("timeline");
        await Expect(timeline.GetByText("No activities yet.")).ToBeVisibleAsync();
        var dialog = page.Locator(".mud-dialog");
        var items = timeline.Locator(".timeline-item");

        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await dialog.Locator("label").Filter(new() { HasText = "call" }).ClickAsync();
        await page.FillFieldAsync("Subject", "Called about the browser test");
        await page.FillFieldAsync("Duration (minutes)", "12");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.First).ToContainTextAsync("Called about the browser test");
        await Expect(items.First).ToContainTextAsync("12 min");

        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await dialog.Locator("label").Filter(new() { HasText = "meeting" }).ClickAsync();
        await page.FillFieldAsync("Subject", "Planning meeting");
        await page.FillFieldAsync("Starts (UTC)", "2030-01-01T10:00");
        await page.FillFieldAsync("Ends (UTC)", "2030-01-01T09:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("endAt must be after startAt.");

        await page.FillFieldAsync("Ends (UTC)", "2030-01-01T11:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToContainTextAsync("Planning meeting"); // in 2030: the newest
        await Expect(items.First).ToContainTextAsync("2030-01-01 10:00–11:00 UTC");
    }

    [Fact]
    public async Task CompanyPage_RendersANoteAsSafeMarkdown_AndItsOpenTasksPanelListsAndFinishesATask()
    {
        var page = await browser.SignedInPageAsync();
        await page.CreateCompanyAsync(PageActions.UniqueWord("Panels") + " Ltd");
        var timeline = page.GetByTestId("timeline");
        var dialog = page.Locator(".mud-dialog");
        var tasks = page.GetByTestId("open-tasks");
        await Expect(tasks).ToContainTextAsync("No open tasks.");

        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await page.FillFieldAsync("Note (markdown)", "Budget is **approved**\n\n- next: [terms](javascript:alert(1))\n\n<img src=x onerror=\"window.pwned=1\">");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var body = timeline.GetByTestId("timeline-body").First;
        await Expect(body.Locator("strong")).ToHaveTextAsync("approved");
        await Expect(body.Locator("li")).ToContainTextAsync("next:");
        Assert.Null(await body.Locator("a").First.GetAttributeAsync("href")); // the javascript: link lost its target
        await Expect(body.Locator("img")).ToHaveCountAsync(0);
        await Expect(body).ToContainTextAsync("<img src=x"); // typed HTML is shown as text
        Assert.False(await page.EvaluateAsync<bool>("() => window.pwned === 1"));

        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await dialog.Locator("label").Filter(new() { HasText = "task" }).ClickAsync();
        await page.FillFieldAsync("Subject", "Send the signed terms");
        await page.FillFieldAsync("Due (UTC)", "2020-01-01T09:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.ReloadAndWaitAsync();
        var row = tasks.Locator(".open-task");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Send the signed terms");
        await Expect(row).ToContainTextAsync("overdue since 2020-01-01 09:00 UTC");
        await Expect(row).ToHaveAttributeAsync("data-overdue", "true");

        await row.GetByRole(AriaRole.Button, new() { Name = "Mark Send the signed terms done" }).ClickAsync();
        await Expect(tasks).ToContainTextAsync("No open tasks.");
    }
}
