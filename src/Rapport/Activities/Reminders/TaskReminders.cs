using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;
using Rapport.Platform.Notifications;

namespace Rapport.Activities.Reminders;

/// <summary>
/// Sends the bell notification of each open task whose reminder time has come, to its assignee (or, without one,
/// its owner). Each task is claimed with one conditional update inside the transaction that writes the
/// notification, so with several app nodes sweeping, a reminder goes out exactly once.
/// </summary>
public sealed class TaskReminders(RapportDb db, TimeProvider clock)
{
    /// <summary>A reminder found later than this (the app was down) is dropped rather than sent out of context.</summary>
    public static readonly TimeSpan MaxLateness = TimeSpan.FromDays(1);

    private const int BatchSize = 200;

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = Timestamps.UtcNow(clock);
        var due = await db.Activities.AsNoTracking()
            .Where(a => a.RemindAt != null && a.RemindAt <= now && a.ReminderSentAt == null)
            .OrderBy(a => a.RemindAt).Take(BatchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var task in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Activities.Where(a => a.Id == task.Id && a.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReminderSentAt, now), ct);
            var recipient = task.AssigneeId ?? task.OwnerId;
            var wanted = task.Type == ActivityType.Task && !task.Done && now - task.RemindAt!.Value <= MaxLateness;
            if (claimed == 1 && wanted && recipient is { } userId)
            {
                db.Notifications.Add(new Notification
                {
                    UserId = userId,
                    Kind = NotificationKinds.TaskReminder,
                    Title = Title(task),
                    Link = NotificationInterceptor.LinkOf(task),
                    CreatedAt = now,
                });
                await db.SaveChangesAsync(ct);
                sent++;
            }
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    private static string Title(Activity task)
    {
        var due = task.DueAt is { } at ? $" (due {at:yyyy-MM-dd HH:mm} UTC)" : "";
        var title = $"Reminder: {task.Subject}{due}";
        return title.Length <= 400 ? title : title[..399] + "…";
    }
}
