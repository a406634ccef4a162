using Microsoft.Extensions.DependencyInjection;
using Rapport.Activities;
using Rapport.Activities.Import;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Activities;

/// <summary>Activities loaded in bulk look exactly like ones saved through the API: on timelines, searchable, with history.</summary>
public abstract class ActivityImporterTests(RapportApp app)
{
    private Task<ActivityImportResult> ImportAsActorAsync(ApiUser user, IEnumerable<Activity> activities) =>
        app.WithServicesAsync(async services =>
        {
            var principal = await services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<RapportUser>>()
                .CreateAsync((await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<RapportUser>>().FindByIdAsync(user.Id.ToString()))!);
            services.GetRequiredService<CurrentActor>().Set(principal, "import");
            return await services.GetRequiredService<ActivityImporter>().ImportAsync(activities, CancellationToken.None);
        });

    [Fact]
    public async Task BulkLoadedActivities_AppearOnTimelines_WithHistory_AndAreFoundBySearch()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync("Bulk Timeline GmbH");
        var contact = await admin.CreateContactAsync("Bulkloaded", company);
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var at = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var links = new List<RecordLink> { new(LinkedRecordType.Contact, contact), new(LinkedRecordType.Company, company) };

        var result = await ImportAsActorAsync(admin,
        [
            new Activity { Type = ActivityType.Call, Subject = $"Call about {word}", OccurredAt = at, OwnerId = admin.Id, Links = links, DurationSeconds = 300 },
            new Activity { Type = ActivityType.Meeting, Subject = "Demo", StartAt = at.AddDays(1), EndAt = at.AddDays(1).AddHours(1), OwnerId = admin.Id, Links = links },
        ]);

        Assert.Equal(2, result.Activities);
        var timeline = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal(["Demo", $"Call about {word}"], timeline.Data.Select(a => a.Subject));
        Assert.Equal(at.AddDays(1), timeline.Data[0].OccurredAt); // a meeting happens when it starts
        var companyTimeline = await (await admin.Client.GetAsync($"/api/v1/companies/{company}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Equal(2, companyTimeline.Data.Count);
        var history = await (await admin.Client.GetAsync($"/api/v1/activities/{timeline.Data[1].Id}/history")).Content.ReadAsStringAsync();
        Assert.Contains("created", history, StringComparison.OrdinalIgnoreCase);
        var found = await (await admin.Client.GetAsync($"/api/v1/activities?q={word}")).ReadAsync<Page<ActivityResponse>>();
        Assert.Single(found.Data);
    }

    [Fact]
    public async Task AnActivityLinkedToARecordTheImporterCannotSee_StopsTheLoad_AndNothingIsWritten()
    {
        var owner = await app.CreateUserAsync(Roles.Sales);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var theirs = await owner.CreateContactAsync("Theirs");
        var mine = await rep.CreateContactAsync("Mine");
        var word = "zr" + Guid.NewGuid().ToString("N")[..8];

        await Assert.ThrowsAsync<RequestValidationException>(() => ImportAsActorAsync(rep,
        [
            new Activity { Type = ActivityType.Note, Body = word, OccurredAt = TimeProvider.System.GetUtcNow().UtcDateTime, OwnerId = rep.Id, Links = [new(LinkedRecordType.Contact, mine)] },
            new Activity { Type = ActivityType.Note, Body = word, OccurredAt = TimeProvider.System.GetUtcNow().UtcDateTime, OwnerId = rep.Id, Links = [new(LinkedRecordType.Contact, theirs)] },
        ]));

        var mineTimeline = await (await rep.Client.GetAsync($"/api/v1/contacts/{mine}/timeline")).ReadAsync<Page<ActivityResponse>>();
        Assert.Empty(mineTimeline.Data);
    }
}

public sealed class ActivityImporterTestsOnSqlite(SqliteApp app) : ActivityImporterTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityImporterTestsOnPostgres(PostgresApp app) : ActivityImporterTests(app), IClassFixture<PostgresApp>;
