using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Activities;
using Rapport.Activities.Demo;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Activities;

public abstract class ActivityDemoTests(RapportApp app)
{
    [Fact]
    public async Task DemoHistory_FillsTimelines_WithActivitiesTheApiAcceptsAsValid()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contacts = new List<Guid>();
        for (var i = 0; i < 12; i++) contacts.Add(await admin.CreateContactAsync($"Demo{i}", email: $"demo{i}@example.com"));

        var seeded = await app.WithServicesAsync(s =>
            s.GetRequiredService<ActivityDemoSeeder>().SeedAsync(contacts, admin.Id, CancellationToken.None));

        var all = new List<ActivityResponse>();
        foreach (var contact in contacts)
        {
            var timeline = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact}/timeline?limit=200")).ReadAsync<Page<ActivityResponse>>();
            Assert.NotEmpty(timeline.Data);
            all.AddRange(timeline.Data);
        }
        Assert.Equal(seeded, all.Count);
        Assert.True(all.Select(a => a.Type).Distinct().Count() >= 3, "The demo should show several kinds of activity.");
        var mine = await (await admin.Client.GetAsync("/api/v1/me/tasks")).ReadAsync<Page<MyTaskResponse>>();
        Assert.Equal(all.Count(a => a is { Type: ActivityType.Task, Done: false } && a.AssigneeId == admin.Id), mine.Data.Count);
        // Every seeded activity passes the same validation as one sent through the API.
        foreach (var activity in all)
        {
            var patched = await admin.Client.PatchJsonAsync($"/api/v1/activities/{activity.Id}", new { subject = activity.Subject + " (checked)" });
            Assert.True(patched.StatusCode == HttpStatusCode.OK, $"{activity.Type} {activity.Id}: {await patched.Content.ReadAsStringAsync()}");
        }
    }
}

public sealed class ActivityDemoTestsOnSqlite(SqliteApp app) : ActivityDemoTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityDemoTestsOnPostgres(PostgresApp app) : ActivityDemoTests(app), IClassFixture<PostgresApp>;
