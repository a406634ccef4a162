using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Data;
using Rapport.Activities;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Activities.ActivityTestData;

namespace Rapport.Tests.Activities;

public abstract class ActivityApiTests(RapportApp app)
{
    [Fact]
    public async Task CreateEachKind_ThenGet_ReturnsItsOwnFieldsAndChannelDefaults()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var colleague = await app.CreateUserAsync(Roles.Sales);
        var contact = await admin.CreateContactAsync("Kinds");
        var links = new[] { ContactLink(contact) };

        var note = await admin.CreateActivityAsync(new { type = "note", body = "# Met at the fair\n*likes* tea", links });
        Assert.Equal(ActivityType.Note, note.Type);
        Assert.Equal("# Met at the fair\n*likes* tea", note.Body);
        Assert.Equal(ActivityChannel.Other, note.Channel);
        Assert.Null(note.Done);

        var task = await admin.CreateActivityAsync(new
        {
            type = "task", subject = "Send the quote", dueAt = "2030-05-01T09:00:00Z", priority = "high",
            remindAt = "2030-05-01T08:00:00Z", assigneeId = colleague.Id, links,
        });
        Assert.Equal(new DateTime(2030, 5, 1, 9, 0, 0, DateTimeKind.Utc), task.DueAt);
        Assert.Equal(TaskPriority.High, task.Priority);
        Assert.Equal(colleague.Id, task.AssigneeId);
        Assert.False(task.Done);

        var call = await admin.CreateActivityAsync(new
        {
            type = "call", subject = "Discovery call", direction = "outbound", durationSeconds = 900, outcome = "Interested", links,
        });
        Assert.Equal(ActivityChannel.Phone, call.Channel);
        Assert.Equal(ActivityDirection.Outbound, call.Direction);
        Assert.Equal(900, call.DurationSeconds);

        var meeting = await admin.CreateActivityAsync(new
        {
            type = "meeting", subject = "Kick-off", startAt = "2030-06-01T10:00:00+02:00", endAt = "2030-06-01T11:00:00+02:00",
            location = "Room 4", attendeeUserIds = new[] { colleague.Id }, attendeeContactIds = new[] { contact }, channel = "web", links,
        });
        Assert.Equal(new DateTime(2030, 6, 1, 8, 0, 0, DateTimeKind.Utc), meeting.StartAt);
        Assert.Equal(meeting.StartAt, meeting.OccurredAt);
        Assert.Equal(ActivityChannel.Web, meeting.Channel);
        Assert.Equal([colleague.Id], meeting.AttendeeUserIds!);

        var email = await admin.CreateActivityAsync(new
        {
            type = "email", subject = "Re: pricing", body = "See attached.", from = "ada@example.com",
            to = new[] { "sales@example.com", "boss@example.com" }, direction = "inbound", links,
        });
        Assert.Equal(ActivityChannel.Email, email.Channel);
        Assert.Equal(["sales@example.com", "boss@example.com"], email.To!);

        var fetched = await admin.Client.GetAsync($"/api/v1/activities/{meeting.Id}");
        Assert.Equal("\"1\"", fetched.Headers.ETag?.Tag);
        var body = await fetched.ReadAsync<ActivityResponse>();
        Assert.Equal("Room 4", body.Location);
        Assert.Equal([new RecordLink(LinkedRecordType.Contact, contact)], body.Links);
        Assert.Equal(admin.Id, body.OwnerId);
    }

    [Fact]
    public async Task PatchTask_MarkDone_StampsDoneAt_AndStaleIfMatchIs412()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync("Patchy");
        var task = await admin.CreateActivityAsync(new { type = "task", subject = "Follow up", links = new[] { ContactLink(contact) } });
        Assert.Equal(admin.Id, task.AssigneeId); // unassigned tasks go to their owner

        var done = await admin.Client.PatchJsonAsync($"/api/v1/activities/{task.Id}", new { done = true }, "\"1\"");
        var body = await done.ReadAsync<ActivityResponse>();
        Assert.True(body.Done);
        Assert.NotNull(body.DoneAt);
        Assert.Equal("Follow up", body.Subject);
        Assert.Equal(2, body.Version);

        await (await admin.Client.PatchJsonAsync($"/api/v1/activities/{task.Id}", new { subject = "Stale" }, "\"1\""))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var reopened = await (await admin.Client.PatchJsonAsync($"/api/v1/activities/{task.Id}", new { done = false }, "\"2\""))
            .ReadAsync<ActivityResponse>();
        Assert.False(reopened.Done);
        Assert.Null(reopened.DoneAt);
    }

    [Fact]
    public async Task Create_InvalidDocuments_Return400NamingTheField()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync("Invalid");
        var links = new[] { ContactLink(contact) };

        var errors = await (await admin.Client.PostJsonAsync("/api/v1/activities", new
        {
            type = "meeting", subject = "Backwards", startAt = "2030-01-01T10:00:00Z", endAt = "2030-01-01T09:00:00Z", links,
        })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("endAt", out _));

        errors = await (await admin.Client.PostJsonAsync("/api/v1/activities",
            new { type = "call", subject = "Negative", durationSeconds = -1, links })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("durationSeconds", out _));

        errors = await (await admin.Client.PostJsonAsync("/api/v1/activities",
            new { type = "note", body = "Unlinked", links = Array.Empty<object>() })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("links", out _));

        errors = await (await admin.Client.PostJsonAsync("/api/v1/activities",
            new { type = "note", body = "Wrong kind", durationSeconds = 5, links })).ErrorsOfAsync();
        Assert.Contains("calls", errors.GetProperty("durationSeconds")[0].GetString());

        errors = await (await admin.Client.PostJsonAsync("/api/v1/activities",
            new { type = "note", links })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("body", out _));

        errors = await (await admin.Client.PostJsonAsync("/api/v1/activities",
            new { type = "note", body = "Ghost", links = new[] { ContactLink(Guid.NewGuid()) } })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("links[0].id", out _));

        errors = await (await admin.Client.PostAsync("/api/v1/activities",
            Json.Raw($$"""{"type":"note","body":"Null link","links":[null]}"""))).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("links[0]", out _));

        errors = await (await admin.Client.PostJsonAsync("/api/v1/activities",
            new { type = "task", subject = "Far future", dueAt = "9999-12-31T23:59:59Z", links })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("dueAt", out _));

        var unknownType = await admin.Client.PostAsync("/api/v1/activities", Json.Raw("""{"type":"fax","body":"x"}"""));
        await unknownType.AssertProblemAsync(HttpStatusCode.BadRequest);

        var note = await admin.CreateNoteAsync(contact, "Stays a note");
        errors = await (await admin.Client.PatchJsonAsync($"/api/v1/activities/{note.Id}", new { type = "call" })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("type", out _));
        var page = await (await admin.Client.GetAsync($"/api/v1/activities?filter=contactIds has '{contact}'")).ReadAsync<Page<ActivityResponse>>();
        Assert.Single(page.Data);
    }

    [Fact]
    public async Task List_FiltersByTypeChannelLinkAssigneeAndOpenTasks()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var other = await app.CreateUserAsync(Roles.Manager);
        var contact = await admin.CreateContactAsync("Filtered");
        var company = await admin.CreateCompanyAsync("Filtered Co");
        var links = new[] { ContactLink(contact) };
        var call = await admin.CreateActivityAsync(new { type = "call", subject = "Call", links });
        var chat = await admin.CreateActivityAsync(new { type = "note", body = "Chat", channel = "chat", links = new[] { CompanyLink(company) } });
        var open = await admin.CreateActivityAsync(new { type = "task", subject = "Open", assigneeId = other.Id, links });
        var closed = await admin.CreateActivityAsync(new { type = "task", subject = "Closed", done = true, links });

        async Task<List<Guid>> Ids(string filter) =>
            (await (await admin.Client.GetAsync($"/api/v1/activities?limit=200&filter={Uri.EscapeDataString(filter)}"))
                .ReadAsync<Page<ActivityResponse>>()).Data.Select(a => a.Id).ToList();

        Assert.Equal([call.Id], await Ids($"contactIds has '{contact}' and type eq 'call'"));
        Assert.Equal([chat.Id], await Ids($"companyIds has '{company}'"));
        Assert.Equal([chat.Id], await Ids($"channel eq 'chat' and companyIds has '{company}'"));
        Assert.Equal([open.Id], await Ids($"contactIds has '{contact}' and type eq 'task' and done eq false"));
        Assert.Equal([open.Id], await Ids($"assigneeId eq '{other.Id}'"));
        Assert.Equal([closed.Id], await Ids($"contactIds has '{contact}' and doneAt ne null"));
        await (await admin.Client.GetAsync("/api/v1/activities?filter=type eq 'fax'")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_FullTextSearch_FindsBySubjectAndBody()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync("Searchable");
        var word = "Qwz" + Guid.NewGuid().ToString("N")[..6];
        var hit = await admin.CreateNoteAsync(contact, $"Talked about the {word} rollout");
        await admin.CreateNoteAsync(contact, "Nothing to see");
        var page = await (await admin.Client.GetAsync($"/api/v1/activities?q={word[..6]}")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal(hit.Id, Assert.Single(page.Data).Id);
    }

    [Fact]
    public async Task SalesRep_SeesOwnAndLinkedActivities_OthersAre404()
    {
        var manager = await app.CreateUserAsync(Roles.Manager);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var otherRep = await app.CreateUserAsync(Roles.Sales);
        var repContact = await rep.CreateContactAsync("RepOwned");
        var otherContact = await otherRep.CreateContactAsync("OtherOwned");
        var theirs = await otherRep.CreateNoteAsync(otherContact, "Private to the other rep");
        var mine = await rep.CreateNoteAsync(repContact, "My note");
        var managersOnMine = await manager.CreateNoteAsync(repContact, "Manager's note on my contact");

        await (await rep.Client.GetAsync($"/api/v1/activities/{theirs.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.PatchJsonAsync($"/api/v1/activities/{theirs.Id}", new { body = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.DeleteAsync($"/api/v1/activities/{theirs.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.GetAsync($"/api/v1/activities/{theirs.Id}/history")).AssertProblemAsync(HttpStatusCode.NotFound);

        var list = await (await rep.Client.GetAsync("/api/v1/activities?limit=200")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal(new[] { mine.Id, managersOnMine.Id }.Order(), list.Data.Select(a => a.Id).Order());

        // Visible through the linked contact, but not the rep's to change.
        await (await rep.Client.PatchJsonAsync($"/api/v1/activities/{managersOnMine.Id}", new { body = "edited" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        // Cannot link to a record out of reach.
        var errors = await (await rep.Client.PostJsonAsync("/api/v1/activities",
            new { type = "note", body = "Sneaky", links = new[] { ContactLink(otherContact) } })).ErrorsOfAsync();
        Assert.True(errors.TryGetProperty("links[0].id", out _));
        var unchanged = await (await otherRep.Client.GetAsync($"/api/v1/activities/{theirs.Id}")).ReadAsync<ActivityResponse>();
        Assert.Equal("Private to the other rep", unchanged.Body);
    }

    [Fact]
    public async Task SalesAssignee_CanTickOffATaskTheyDoNotOwn_ButNotDeleteIt()
    {
        var manager = await app.CreateUserAsync(Roles.Manager);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var contact = await manager.CreateContactAsync("ManagersContact");
        var task = await manager.CreateActivityAsync(new
        {
            type = "task", subject = "Rep, call them", assigneeId = rep.Id, links = new[] { ContactLink(contact) },
        });

        var done = await rep.Client.PatchJsonAsync($"/api/v1/activities/{task.Id}", new { done = true });
        Assert.True((await done.ReadAsync<ActivityResponse>()).Done);
        await (await rep.Client.DeleteAsync($"/api/v1/activities/{task.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var seenByManager = await (await manager.Client.GetAsync($"/api/v1/activities/{task.Id}")).ReadAsync<ActivityResponse>();
        Assert.True(seenByManager.Done);
        Assert.Equal(manager.Id, seenByManager.OwnerId);
    }

    [Fact]
    public async Task ReadOnlyRole_CannotLogActivities()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        var contact = await admin.CreateContactAsync("Viewed");
        var response = await viewer.Client.PostJsonAsync("/api/v1/activities", new { type = "note", body = "No", links = new[] { ContactLink(contact) } });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task History_RecordsCreateAndLinkChanges_AndDeleteRemoves()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync("Historic");
        var company = await admin.CreateCompanyAsync("Historic Co");
        var note = await admin.CreateNoteAsync(contact, "First");
        var patched = await admin.Client.PatchJsonAsync($"/api/v1/activities/{note.Id}",
            new { body = "Second", links = new[] { ContactLink(contact), CompanyLink(company) } });
        Assert.Equal(2, (await patched.ReadAsync<ActivityResponse>()).Links.Count);

        var history = await (await admin.Client.GetAsync($"/api/v1/activities/{note.Id}/history")).ReadAsync<List<HistoryEntry>>();
        Assert.Equal(["updated", "created"], history.Select(h => h.Action));
        Assert.Contains(history[0].Changes, c => c is { Field: "body", Old: "First", New: "Second" });
        Assert.Contains(history[0].Changes, c => c.Field == "links"
            && c.New!.Contains($"{{\"type\":\"company\",\"id\":\"{company}\"}}", StringComparison.Ordinal));
        var timeline = await (await admin.Client.GetAsync($"/api/v1/companies/{company}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal(note.Id, Assert.Single(timeline.Data).Id);

        await (await admin.Client.DeleteAsync($"/api/v1/activities/{note.Id}")).EnsureSuccessAsync();
        await (await admin.Client.GetAsync($"/api/v1/activities/{note.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var after = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Empty(after.Data);
    }

    [Fact]
    public async Task OpenApi_DescribesActivityTimelineAndCalendarRoutes()
    {
        var document = await (await app.ClientWithKey(null).GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/activities", "/api/v1/activities/{id}/ics", "/api/v1/contacts/{id}/timeline",
                     "/api/v1/companies/{id}/timeline", "/api/v1/me/tasks", "/api/v1/me/calendar-feed", "/calendar/{token}.ics" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
    }

    [Fact]
    public async Task MoveLinks_ForAMerge_PutsActivitiesOnTheSurvivorsTimeline()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var duplicate = await admin.CreateContactAsync("Duplicate");
        var survivor = await admin.CreateContactAsync("Survivor");
        var note = await admin.CreateNoteAsync(duplicate, "Logged on the duplicate");
        var meeting = await admin.CreateActivityAsync(new
        {
            type = "meeting", subject = "With the duplicate", startAt = "2030-01-01T09:00:00Z", endAt = "2030-01-01T10:00:00Z",
            attendeeContactIds = new[] { duplicate }, links = new[] { ContactLink(duplicate), ContactLink(survivor) },
        });

        var moved = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<RapportDb>();
            var count = await services.GetRequiredService<ActivityService>()
                .MoveLinksAsync(LinkedRecordType.Contact, duplicate, survivor, CancellationToken.None);
            await db.SaveChangesAsync();
            return count;
        });

        Assert.Equal(2, moved);
        var survivorTimeline = await (await admin.Client.GetAsync($"/api/v1/contacts/{survivor}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal(new[] { note.Id, meeting.Id }.Order(), survivorTimeline.Data.Select(a => a.Id).Order());
        var duplicateTimeline = await (await admin.Client.GetAsync($"/api/v1/contacts/{duplicate}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Empty(duplicateTimeline.Data);
        var movedMeeting = survivorTimeline.Data.Single(a => a.Id == meeting.Id);
        Assert.Equal([new RecordLink(LinkedRecordType.Contact, survivor)], movedMeeting.Links);
        Assert.Equal([survivor], movedMeeting.AttendeeContactIds!);
        Assert.Equal(2, movedMeeting.Version);
    }
}

public sealed class ActivityApiTestsOnSqlite(SqliteApp app) : ActivityApiTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityApiTestsOnPostgres(PostgresApp app) : ActivityApiTests(app), IClassFixture<PostgresApp>;
