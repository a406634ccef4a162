using System.Net;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Activities.ActivityTestData;

namespace Rapport.Tests.Activities;

/// <summary>The activity pages as the server renders them for a signed-in browser (the prerendered response).</summary>
public abstract class ActivityPageTests(RapportApp app)
{
    private const string Password = "a long enough test password";

    [Fact]
    public async Task ActivitiesPage_ShowsWhatTheUserMaySee_NewestFirst_WithTextEncoded()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var otherRep = await app.CreateUserAsync(Roles.Sales);
        var contact = await rep.CreateContactAsync("PageContact");
        var otherContact = await otherRep.CreateContactAsync("OtherPageContact");
        await rep.CreateNoteAsync(contact, "<script>alert('x')</script> older note", "2026-01-01T00:00:00Z");
        await rep.CreateActivityAsync(new { type = "call", subject = "Newest call on the page", links = new[] { ContactLink(contact) } });
        await otherRep.CreateNoteAsync(otherContact, "Secret of the other rep");
        var browser = await app.SignInAsync(rep.Email, Password);

        var page = await browser.GetAsync("/activities");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Activities · Rapport</title>", html);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var note = html.IndexOf("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; older note", StringComparison.Ordinal);
        var call = html.IndexOf("Newest call on the page", StringComparison.Ordinal);
        Assert.True(call > 0 && note > call, "The newer call should come before the older note.");
        Assert.DoesNotContain("Secret of the other rep", html, StringComparison.Ordinal);

        var calls = await (await browser.GetAsync("/activities?type=call")).Content.ReadAsStringAsync();
        Assert.Contains("Newest call on the page", calls);
        Assert.DoesNotContain("older note", calls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyTasksPage_ListsOverdueFirst_AndHighlightsThem()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var contact = await rep.CreateContactAsync("TaskPage");
        var links = new[] { ContactLink(contact) };
        await rep.CreateActivityAsync(new { type = "task", subject = "Future page task", dueAt = "2099-01-01T00:00:00Z", links });
        await rep.CreateActivityAsync(new { type = "task", subject = "Late page task", dueAt = "2020-01-01T00:00:00Z", links });
        await rep.CreateActivityAsync(new { type = "task", subject = "Finished page task", done = true, links });
        var browser = await app.SignInAsync(rep.Email, Password);

        var html = await (await browser.GetAsync("/tasks")).Content.ReadAsStringAsync();
        Assert.Contains("<title>My tasks · Rapport</title>", html);
        var late = html.IndexOf("Late page task", StringComparison.Ordinal);
        var future = html.IndexOf("Future page task", StringComparison.Ordinal);
        Assert.True(late > 0 && future > late, "The overdue task should come first.");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-overdue=\"true\""));
        Assert.Contains("overdue since 2020-01-01 00:00 UTC", html);
        Assert.DoesNotContain("Finished page task", html, StringComparison.Ordinal);
    }
}

public sealed class ActivityPageTestsOnSqlite(SqliteApp app) : ActivityPageTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityPageTestsOnPostgres(PostgresApp app) : ActivityPageTests(app), IClassFixture<PostgresApp>;
