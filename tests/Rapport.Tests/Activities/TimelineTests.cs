using System.Net;
using Rapport.Activities;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Activities.ActivityTestData;

namespace Rapport.Tests.Activities;

public abstract class TimelineTests(RapportApp app)
{
    [Fact]
    public async Task ContactTimeline_MergesKindsNewestFirst_AndFiltersByTypeAndChannel()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync("Timeline");
        var elsewhere = await admin.CreateContactAsync("Elsewhere");
        var links = new[] { ContactLink(contact) };
        var oldNote = await admin.CreateNoteAsync(contact, "Oldest", "2026-01-01T09:00:00Z");
        var call = await admin.CreateActivityAsync(new { type = "call", subject = "Call", occurredAt = "2026-02-01T09:00:00Z", links });
        var meeting = await admin.CreateActivityAsync(new
        {
            type = "meeting", subject = "Demo", startAt = "2026-03-01T09:00:00Z", endAt = "2026-03-01T10:00:00Z", links,
        });
        var chat = await admin.CreateActivityAsync(new { type = "note", body = "Chat", channel = "chat", occurredAt = "2026-04-01T09:00:00Z", links });
        await admin.CreateNoteAsync(elsewhere, "Not on this timeline", "2026-05-01T09:00:00Z");

        var all = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal([chat.Id, meeting.Id, call.Id, oldNote.Id], all.Data.Select(a => a.Id));

        var notes = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline?type=note")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal([chat.Id, oldNote.Id], notes.Data.Select(a => a.Id));
        var talks = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline?type=call,meeting")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal([meeting.Id, call.Id], talks.Data.Select(a => a.Id));
        var chats = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline?channel=chat")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal([chat.Id], chats.Data.Select(a => a.Id));
        var inPerson = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline?channel=in-person,phone")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal([meeting.Id, call.Id], inPerson.Data.Select(a => a.Id));

        var bad = await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline?type=fax");
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
    }

    [Fact]
    public async Task CompanyTimeline_IncludesItsContactsActivities_EachOnce()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync("Rollup Inc");
        var employee = await admin.CreateContactAsync("Employee", company);
        var outsider = await admin.CreateContactAsync("Outsider");
        var onCompany = await admin.CreateActivityAsync(new
        {
            type = "note", body = "Company-wide", occurredAt = "2026-01-02T00:00:00Z", links = new[] { CompanyLink(company) },
        });
        var onEmployee = await admin.CreateNoteAsync(employee, "Employee chat", "2026-01-03T00:00:00Z");
        var onBoth = await admin.CreateActivityAsync(new
        {
            type = "call", subject = "Both", occurredAt = "2026-01-04T00:00:00Z",
            links = new[] { CompanyLink(company), ContactLink(employee) },
        });
        await admin.CreateNoteAsync(outsider, "Unrelated");

        var timeline = await (await admin.Client.GetAsync($"/api/v1/companies/{company}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal([onBoth.Id, onEmployee.Id, onCompany.Id], timeline.Data.Select(a => a.Id));
    }

    [Fact]
    public async Task Timeline_KeysetPaging_WalksEveryActivityOnce()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync("Paged");
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
            created.Add((await admin.CreateNoteAsync(contact, $"Note {i}", $"2026-01-0{1 + (i % 3)}T00:00:00Z")).Id);

        var seen = new List<ActivityResponse>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/contacts/{contact}/timeline?limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await admin.Client.GetAsync(url)).ReadAsync<Page<ActivityResponse>>();
            seen.AddRange(page.Data);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(created.Order(), seen.Select(a => a.Id).Order());
        Assert.Equal(seen.Select(a => a.OccurredAt).OrderDescending(), seen.Select(a => a.OccurredAt));
    }

    [Fact]
    public async Task Timeline_OfRecordOutOfReach_Is404_AndHidesOtherRepsActivities()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var otherRep = await app.CreateUserAsync(Roles.Sales);
        var manager = await app.CreateUserAsync(Roles.Manager);
        var company = await manager.CreateCompanyAsync("Shared Account");
        var theirContact = await otherRep.CreateContactAsync("Theirs");
        await (await rep.Client.GetAsync($"/api/v1/contacts/{theirContact}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.GetAsync($"/api/v1/companies/{company}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The company's timeline, seen by a rep who owns one contact there, shows only what the rep may see.
        var repCompany = await rep.CreateCompanyAsync("Rep Account");
        var repContact = await rep.CreateContactAsync("Mine", repCompany);
        var mine = await rep.CreateNoteAsync(repContact, "Mine");
        var managersContact = await manager.CreateContactAsync("ManagersAtRepCompany", repCompany);
        await manager.CreateNoteAsync(managersContact, "Hidden from the rep", "2026-01-01T00:00:00Z");
        var onAccount = await manager.CreateActivityAsync(new
        {
            type = "note", body = "On the rep's account", occurredAt = "2026-01-02T00:00:00Z", links = new[] { CompanyLink(repCompany) },
        });
        var timeline = await (await rep.Client.GetAsync($"/api/v1/companies/{repCompany}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal([mine.Id, onAccount.Id], timeline.Data.Select(a => a.Id));
        var managerView = await (await manager.Client.GetAsync($"/api/v1/companies/{repCompany}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal(3, managerView.Data.Count);
    }
}

public sealed class TimelineTestsOnSqlite(SqliteApp app) : TimelineTests(app), IClassFixture<SqliteApp>;

public sealed class TimelineTestsOnPostgres(PostgresApp app) : TimelineTests(app), IClassFixture<PostgresApp>;
