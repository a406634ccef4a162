using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Tests.Activities;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Contacts;

public abstract class MergeTests(RapportApp app)
{
    [Fact]
    public async Task MergeContacts_KeepsChosenValues_UnitesEmailsPhonesAndTags_DeletesTheOther()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var survivor = await admin.CreateContactAsync(new
        {
            firstName = "Ada", lastName = "Lovelace", jobTitle = "Analyst", source = "web",
            emails = new[] { new { address = "ada@one.example", primary = true } },
            phones = new[] { new { number = "+44 20 7946 0001", primary = true } },
            tags = new[] { "vip" },
        });
        var merged = await admin.CreateContactAsync(new
        {
            firstName = "Augusta Ada", lastName = "King", jobTitle = "Countess", source = "event",
            emails = new[] { new { address = "ADA@one.example", primary = true }, new { address = "ada@two.example", primary = false } },
            phones = new[] { new { number = "020 7946 0002", primary = true } },
            tags = new[] { "VIP", "math" },
        });

        var response = await MergeAsync(admin, $"/api/v1/contacts/{survivor.Id}/merge",
            new { mergeId = merged.Id, fields = new { jobTitle = "merged", firstName = "survivor" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<ContactResponse>();
        Assert.Equal($"\"{result.Version}\"", response.Headers.ETag?.Tag);
        Assert.Equal("Ada", result.FirstName);
        Assert.Equal("Lovelace", result.LastName);
        Assert.Equal("Countess", result.JobTitle);
        Assert.Equal("web", result.Source);
        Assert.Equal(["ada@one.example", "ada@two.example"], result.Emails.Select(e => e.Address));
        Assert.Equal("ada@one.example", Assert.Single(result.Emails, e => e.Primary).Address);
        Assert.Equal(["+44 20 7946 0001", "020 7946 0002"], result.Phones.Select(p => p.Number));
        Assert.Single(result.Phones, p => p.Primary);
        Assert.Equal(["vip", "math"], result.Tags);
        AssertSame(result, await admin.GetContactAsync(survivor.Id));
        await (await admin.Client.GetAsync($"/api/v1/contacts/{merged.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MergeContacts_MovesActivities_AndHistoryRecordsTheMerge()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var survivor = await admin.CreateContactAsync(new { firstName = "Keep", lastName = "Me" });
        var merged = await admin.CreateContactAsync(new { firstName = "Drop", lastName = "Me" });
        var note = await CreateNoteAsync(admin, merged.Id, "Called about the renewal");

        await (await MergeAsync(admin, $"/api/v1/contacts/{survivor.Id}/merge", new { mergeId = merged.Id })).EnsureSuccessAsync();

        var moved = await (await admin.Client.GetAsync($"/api/v1/activities/{note}")).ReadAsync<ActivityResponse>();
        Assert.Equal([new RecordLink(LinkedRecordType.Contact, survivor.Id)], moved.Links);
        var timeline = await (await admin.Client.GetAsync($"/api/v1/contacts/{survivor.Id}/timeline")).ReadJsonAsync();
        Assert.Contains(timeline.GetProperty("data").EnumerateArray(), a => a.GetProperty("id").GetGuid() == note);

        var history = await (await admin.Client.GetAsync($"/api/v1/contacts/{survivor.Id}/history")).ReadAsync<List<HistoryEntry>>();
        var mergedFrom = Assert.Single(history.SelectMany(h => h.Changes), c => c.Field == "mergedFrom");
        Assert.Contains(merged.Id.ToString(), mergedFrom.New);
        var trail = await (await admin.Client.GetAsync($"/api/v1/contacts/{merged.Id}/history")).ReadAsync<List<HistoryEntry>>();
        Assert.Contains(trail, h => h.Action == "deleted");
        Assert.Contains(survivor.Id.ToString(), Assert.Single(trail.SelectMany(h => h.Changes), c => c.Field == "mergedInto").New);
    }

    [Fact]
    public async Task MergeCompanies_MovesContactsAndActivities_KeepsChosenValues()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var survivor = await admin.CreateCompanyAsync(new { name = "Globex", domain = "globex.example", tags = new[] { "partner" } });
        var merged = await admin.CreateCompanyAsync(new { name = "Globex Corporation", industry = "Manufacturing", employeeCount = 1200, tags = new[] { "key" } });
        var employee = await admin.CreateContactAsync(new { firstName = "Hank", lastName = "Scorpio", companyId = merged.Id });
        var note = await admin.CreateActivityAsync(new { type = "note", body = "Visited HQ", links = new[] { new { type = "company", id = merged.Id } } });

        var response = await MergeAsync(admin, $"/api/v1/companies/{survivor.Id}/merge",
            new { mergeId = merged.Id, fields = new { name = "merged", industry = "merged", employeeCount = "merged" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<CompanyResponse>();
        Assert.Equal("Globex Corporation", result.Name);
        Assert.Equal("globex.example", result.Domain);
        Assert.Equal("Manufacturing", result.Industry);
        Assert.Equal(1200, result.EmployeeCount);
        Assert.Equal(["partner", "key"], result.Tags);
        Assert.Equal(survivor.Id, (await admin.GetContactAsync(employee.Id)).Company?.Id);
        var moved = await (await admin.Client.GetAsync($"/api/v1/activities/{note.Id}")).ReadAsync<ActivityResponse>();
        Assert.Equal([new RecordLink(LinkedRecordType.Company, survivor.Id)], moved.Links);
        await (await admin.Client.GetAsync($"/api/v1/companies/{merged.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var history = await (await admin.Client.GetAsync($"/api/v1/companies/{survivor.Id}/history")).ReadAsync<List<HistoryEntry>>();
        Assert.Contains(history.SelectMany(h => h.Changes), c => c.Field == "mergedFrom" && c.New!.Contains(merged.Id.ToString()));
    }

    [Fact]
    public async Task Merge_FailingPartWay_IsOneTransaction_NothingChanges()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var survivor = await admin.CreateContactAsync(new { firstName = "Stay", lastName = "Same", jobTitle = "Before" });
        var merged = await admin.CreateContactAsync(new { firstName = "Other", lastName = "One", jobTitle = "After" });
        var note = await CreateNoteAsync(admin, merged.Id, "Stays where it is");
        // Someone edits the other contact after the user chose values from version 1: the merge has by then updated
        // the survivor and moved the note inside its transaction, and must undo both.
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{merged.Id}", new { source = "changed" })).EnsureSuccessAsync();
        var before = await app.CountStoredAsync();

        var response = await MergeAsync(admin, $"/api/v1/contacts/{survivor.Id}/merge",
            new { mergeId = merged.Id, mergeVersion = 1, fields = new { jobTitle = "merged" } });

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await app.CountStoredAsync());
        AssertSame(survivor, await admin.GetContactAsync(survivor.Id));
        Assert.Equal("changed", (await admin.GetContactAsync(merged.Id)).Source);
        var unmoved = await (await admin.Client.GetAsync($"/api/v1/activities/{note}")).ReadAsync<ActivityResponse>();
        Assert.Equal([new RecordLink(LinkedRecordType.Contact, merged.Id)], unmoved.Links);
        Assert.Equal(1, await app.WithDbAsync(db => db.ActivityLinks.CountAsync(l => l.ActivityId == note && l.RecordId == merged.Id)));
    }

    [Fact]
    public async Task Merge_WithStaleIfMatchOnSurvivor_Returns412_NothingChanges()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var survivor = await admin.CreateContactAsync(new { lastName = "Versioned" });
        var merged = await admin.CreateContactAsync(new { lastName = "Other", jobTitle = "X" });
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{survivor.Id}", new { source = "v2" })).EnsureSuccessAsync();
        var before = await app.CountStoredAsync();

        var response = await MergeAsync(admin, $"/api/v1/contacts/{survivor.Id}/merge", new { mergeId = merged.Id, fields = new { jobTitle = "merged" } }, "\"1\"");

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await app.CountStoredAsync());
        Assert.Null((await admin.GetContactAsync(survivor.Id)).JobTitle);
    }

    [Fact]
    public async Task Merge_WithItself_Returns422_NothingChanges()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Alone" });
        var company = await admin.CreateCompanyAsync(new { name = "Solo" });
        var before = await app.CountStoredAsync();

        await (await MergeAsync(admin, $"/api/v1/contacts/{contact.Id}/merge", new { mergeId = contact.Id })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await MergeAsync(admin, $"/api/v1/companies/{company.Id}/merge", new { mergeId = company.Id })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, await app.CountStoredAsync());
        AssertSame(contact, await admin.GetContactAsync(contact.Id));
    }

    [Fact]
    public async Task Merge_ForSales_OtherRepsRecordIsNotFound_NothingChanges()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var otherRep = await app.CreateUserAsync(Roles.Sales);
        var mine = await rep.CreateContactAsync(new { lastName = "Mine" });
        var theirs = await otherRep.CreateContactAsync(new { lastName = "Theirs" });
        var before = await app.CountStoredAsync();

        await (await MergeAsync(rep, $"/api/v1/contacts/{mine.Id}/merge", new { mergeId = theirs.Id })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await MergeAsync(rep, $"/api/v1/contacts/{theirs.Id}/merge", new { mergeId = mine.Id })).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await app.CountStoredAsync());
        AssertSame(theirs, await otherRep.GetContactAsync(theirs.Id));
        var second = await rep.CreateContactAsync(new { lastName = "Mine too" });
        await (await MergeAsync(rep, $"/api/v1/contacts/{mine.Id}/merge", new { mergeId = second.Id })).EnsureSuccessAsync();
    }

    [Fact]
    public async Task Merge_ByRolesThatCannotEditOrDelete_Returns403_NothingChanges()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        var marketer = await app.CreateUserAsync(Roles.Marketing);
        var readKey = await app.CreateUserAsync(Roles.Admin, "read");
        var a = await admin.CreateCompanyAsync(new { name = "Keep Co" });
        var b = await admin.CreateCompanyAsync(new { name = "Keep Co Ltd" });
        var before = await app.CountStoredAsync();

        foreach (var user in new[] { viewer, marketer, readKey })
            await (await MergeAsync(user, $"/api/v1/companies/{a.Id}/merge", new { mergeId = b.Id })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await app.CountStoredAsync());
        AssertSame(b, await admin.GetCompanyAsync(b.Id));
    }

    [Fact]
    public async Task Merge_RetriedWithTheSameIdempotencyKey_ReplaysTheFirstResult()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var survivor = await admin.CreateContactAsync(new { lastName = "Retry", tags = new[] { "a" } });
        var merged = await admin.CreateContactAsync(new { lastName = "Retried", tags = new[] { "b" } });
        var key = Guid.NewGuid().ToString();
        var body = new { mergeId = merged.Id };

        var first = await MergeAsync(admin, $"/api/v1/contacts/{survivor.Id}/merge", body, idempotencyKey: key);
        var again = await MergeAsync(admin, $"/api/v1/contacts/{survivor.Id}/merge", body, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(["a", "b"], (await admin.GetContactAsync(survivor.Id)).Tags);
    }

    [Fact]
    public async Task Merge_WithBadBody_Returns400NamingTheField()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var a = await admin.CreateContactAsync(new { lastName = "A" });
        var b = await admin.CreateContactAsync(new { lastName = "B" });

        var unknown = await (await MergeAsync(admin, $"/api/v1/contacts/{a.Id}/merge", new { mergeId = b.Id, fields = new { salary = "merged" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("fields.salary", out _));
        var missing = await (await MergeAsync(admin, $"/api/v1/contacts/{a.Id}/merge", new { fields = new { } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("mergeId", out _));
        await (await MergeAsync(admin, $"/api/v1/contacts/{a.Id}/merge", new { mergeId = b.Id, fields = new { jobTitle = "both" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await MergeAsync(admin, $"/api/v1/contacts/{a.Id}/merge", new { mergeId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("B", (await admin.GetContactAsync(b.Id)).LastName);
    }

    /// <summary>Records holding lists compare by reference, so compare what the API would write.</summary>
    private static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Json.Options), JsonSerializer.Serialize(actual, Json.Options));

    private static async Task<Guid> CreateNoteAsync(ApiUser user, Guid contactId, string body) =>
        (await user.CreateActivityAsync(new { type = "note", body, links = new[] { new { type = "contact", id = contactId } } })).Id;

    private static Task<HttpResponseMessage> MergeAsync(ApiUser user, string url, object body, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json.Options), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return user.Client.SendAsync(request);
    }
}

public sealed class MergeTestsOnSqlite(SqliteApp app) : MergeTests(app), IClassFixture<SqliteApp>;

public sealed class MergeTestsOnPostgres(PostgresApp app) : MergeTests(app), IClassFixture<PostgresApp>;
