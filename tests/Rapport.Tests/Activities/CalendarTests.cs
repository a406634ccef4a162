using System.Net;
using Rapport.Activities;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Activities.ActivityTestData;

namespace Rapport.Tests.Activities;

public abstract class CalendarTests(RapportApp app)
{
    [Fact]
    public async Task MeetingIcs_IsValidICalendar_InUtc_WithEscapedText()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync("Attendee", email: "attendee@example.com");
        var meeting = await admin.CreateActivityAsync(new
        {
            type = "meeting", subject = "Budget, Q3; final", body = "Line one\nLine two, with \\ backslash",
            location = "HQ; room 1", startAt = "2030-06-01T10:00:00+02:00", endAt = "2030-06-01T11:30:00+02:00",
            attendeeContactIds = new[] { contact }, links = new[] { ContactLink(contact) },
        });

        var response = await admin.Client.GetAsync($"/api/v1/activities/{meeting.Id}/ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = IcsText.Parse(await response.Content.ReadAsStringAsync());
        var e = Assert.Single(IcsText.Events(ics));
        Assert.Contains(new IcsText.Property("DTSTART", "", "20300601T080000Z"), e);
        Assert.Contains(new IcsText.Property("DTEND", "", "20300601T093000Z"), e);
        Assert.Contains(new IcsText.Property("SUMMARY", "", @"Budget\, Q3\; final"), e);
        Assert.Contains(new IcsText.Property("DESCRIPTION", "", @"Line one\nLine two\, with \\ backslash"), e);
        Assert.Contains(new IcsText.Property("LOCATION", "", @"HQ\; room 1"), e);
        Assert.Contains(new IcsText.Property("UID", "", $"{meeting.Id}@rapport"), e);
        Assert.Contains(e, p => p.Name == "ATTENDEE" && p.Value == "mailto:attendee@example.com" && p.Parameters.Contains("CN=\"Test Attendee\""));
        Assert.Contains(e, p => p.Name == "DTSTAMP" && p.Value.EndsWith('Z'));

        var note = await admin.CreateNoteAsync(contact, "No calendar for notes");
        await (await admin.Client.GetAsync($"/api/v1/activities/{note.Id}/ics")).AssertProblemAsync(HttpStatusCode.NotFound);
        var rep = await app.CreateUserAsync(Roles.Sales);
        await (await rep.Client.GetAsync($"/api/v1/activities/{meeting.Id}/ics")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CalendarFeed_ListsOwnMeetingsAndOpenTasks_RotatedOrRevokedTokenIs404()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var other = await app.CreateUserAsync(Roles.Sales);
        var contact = await rep.CreateContactAsync("FeedContact");
        var links = new[] { ContactLink(contact) };
        var meeting = await rep.CreateActivityAsync(new
        {
            type = "meeting", subject = "Feed meeting", startAt = "2099-01-01T09:00:00Z", endAt = "2099-01-01T10:00:00Z", links,
        });
        var task = await rep.CreateActivityAsync(new
        {
            type = "task", subject = "Feed task", dueAt = "2099-01-02T12:00:00Z", remindAt = "2099-01-02T11:00:00Z", links,
        });
        await rep.CreateActivityAsync(new { type = "task", subject = "Finished", dueAt = "2099-01-03T12:00:00Z", done = true, links });
        await rep.CreateActivityAsync(new { type = "task", subject = "Undated", links });
        var otherContact = await other.CreateContactAsync("OtherFeed");
        await other.CreateActivityAsync(new
        {
            type = "meeting", subject = "Someone else's", startAt = "2099-01-01T09:00:00Z", endAt = "2099-01-01T10:00:00Z",
            links = new[] { ContactLink(otherContact) },
        });

        var first = await (await rep.Client.PostAsync("/api/v1/me/calendar-feed", null)).ReadAsync<CalendarFeedResponse>();
        var anonymous = app.ClientWithKey(null);
        var feed = await anonymous.GetAsync(new Uri(first.Url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var events = IcsText.Events(IcsText.Parse(await feed.Content.ReadAsStringAsync()));
        Assert.Equal(["Feed meeting", "Task: Feed task"], events.Select(e => e.Single(p => p.Name == "SUMMARY").Value));
        var taskEvent = events.Single(e => e.Any(p => p.Value == $"{task.Id}@rapport"));
        Assert.Contains(new IcsText.Property("DTSTART", "", "20990102T120000Z"), taskEvent);
        Assert.Contains(new IcsText.Property("TRIGGER", "VALUE=DATE-TIME", "20990102T110000Z"), taskEvent);
        Assert.Contains(events, e => e.Any(p => p.Value == $"{meeting.Id}@rapport"));

        var rotated = await (await rep.Client.PostAsync("/api/v1/me/calendar-feed", null)).ReadAsync<CalendarFeedResponse>();
        Assert.NotEqual(first.Url, rotated.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(first.Url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(rotated.Url).PathAndQuery)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await rep.Client.DeleteAsync("/api/v1/me/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(rotated.Url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/rcf_made-up-token.ics")).StatusCode);
    }

    [Fact]
    public async Task MyTasks_OpenTasksAssignedToMe_OverdueFirst()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var manager = await app.CreateUserAsync(Roles.Manager);
        var contact = await rep.CreateContactAsync("Tasks");
        var links = new[] { ContactLink(contact) };
        var undated = await rep.CreateActivityAsync(new { type = "task", subject = "Someday", links });
        var later = await rep.CreateActivityAsync(new { type = "task", subject = "Later", dueAt = "2100-01-01T00:00:00Z", links });
        var overdue = await rep.CreateActivityAsync(new { type = "task", subject = "Late", dueAt = "2020-01-01T00:00:00Z", links });
        var fromManager = await manager.CreateActivityAsync(new
        {
            type = "task", subject = "Asked by manager", dueAt = "2099-01-01T00:00:00Z", assigneeId = rep.Id, links,
        });
        await rep.CreateActivityAsync(new { type = "task", subject = "Done already", dueAt = "2019-01-01T00:00:00Z", done = true, links });
        await manager.CreateActivityAsync(new { type = "task", subject = "Manager's own", dueAt = "2019-01-01T00:00:00Z", links });

        var page = await (await rep.Client.GetAsync("/api/v1/me/tasks")).ReadAsync<Page<MyTaskResponse>>();
        Assert.Equal([overdue.Id, fromManager.Id, later.Id, undated.Id], page.Data.Select(t => t.Id));
        Assert.Equal([true, false, false, false], page.Data.Select(t => t.Overdue));
    }
}

public sealed class CalendarTestsOnSqlite(SqliteApp app) : CalendarTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarTestsOnPostgres(PostgresApp app) : CalendarTests(app), IClassFixture<PostgresApp>;
