using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Activities.Reminders;
using Rapport.Platform.Auth;
using Rapport.Platform.Notifications;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Activities.ActivityTestData;

namespace Rapport.Tests.Activities;

/// <summary>A task's reminder reaches its assignee's bell once, when its time has come, and again only if re-set.</summary>
public abstract class TaskReminderTests(RapportApp app)
{
    private static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> SweepAsync() =>
        app.WithServicesAsync(services => services.GetRequiredService<TaskReminders>().SendDueAsync(CancellationToken.None));

    private static async Task<List<NotificationResponse>> RemindersAsync(ApiUser user, string subject)
    {
        var page = await (await user.Client.GetAsync("/api/v1/me/notifications?limit=200")).ReadAsync<NotificationPage>();
        return [.. page.Data.Where(n => n.Kind == NotificationKinds.TaskReminder && n.Title.Contains(subject, StringComparison.Ordinal))];
    }

    [Fact]
    public async Task ADueReminder_NotifiesTheAssigneeOnce_WithALinkToTheRecord()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var contact = await admin.CreateContactAsync("Reminded");
        var subject = "Call back " + Guid.NewGuid().ToString("N")[..8];
        await admin.CreateActivityAsync(new
        {
            type = "task", subject, assigneeId = rep.Id, dueAt = Iso(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1)),
            remindAt = Iso(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1)), links = new[] { ContactLink(contact) },
        });
        await admin.CreateActivityAsync(new
        {
            type = "task", subject = subject + " later", assigneeId = rep.Id, remindAt = Iso(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(2)),
            links = new[] { ContactLink(contact) },
        });

        await SweepAsync();
        await SweepAsync();

        var reminder = Assert.Single(await RemindersAsync(rep, subject));
        Assert.Equal($"/contacts/{contact}", reminder.Link);
        Assert.StartsWith("Reminder: " + subject, reminder.Title, StringComparison.Ordinal);
        Assert.Empty(await RemindersAsync(admin, subject));
    }

    [Fact]
    public async Task ADoneTask_OrAReminderMoreThanADayLate_IsNotSent_AndMovingTheReminderSendsItAgain()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var subject = "Quote " + Guid.NewGuid().ToString("N")[..8];
        var links = new[] { ContactLink(await admin.CreateContactAsync("Quoted")) };
        var past = Iso(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5));
        await admin.CreateActivityAsync(new { type = "task", subject = subject + " done", done = true, remindAt = past, links });
        await admin.CreateActivityAsync(new { type = "task", subject = subject + " stale", remindAt = Iso(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-2)), links });
        var task = await admin.CreateActivityAsync(new { type = "task", subject = subject + " open", remindAt = past, links });

        await SweepAsync();
        Assert.Equal([subject + " open"], (await RemindersAsync(admin, subject)).Select(n => n.Title.Split(" (due")[0]["Reminder: ".Length..]));

        // Moving the reminder re-arms it; its bookkeeping is not part of the task's history.
        var moved = await admin.Client.PatchJsonAsync($"/api/v1/activities/{task.Id}", new { remindAt = Iso(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1)) }, $"\"{task.Version}\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await SweepAsync();
        Assert.Equal(2, (await RemindersAsync(admin, subject + " open")).Count);
        var history = await (await admin.Client.GetAsync($"/api/v1/activities/{task.Id}/history")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("reminderSentAt", history, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class TaskReminderTestsOnSqlite(SqliteApp app) : TaskReminderTests(app), IClassFixture<SqliteApp>;

public sealed class TaskReminderTestsOnPostgres(PostgresApp app) : TaskReminderTests(app), IClassFixture<PostgresApp>;
