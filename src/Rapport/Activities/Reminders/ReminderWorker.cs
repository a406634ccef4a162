using Rapport.Platform.Hosting;

namespace Rapport.Activities.Reminders;

/// <summary>Every 30 seconds, sends the task reminders that have come due (<see cref="TaskReminders"/>).</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, ILogger<ReminderWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting before touching the database
        await PeriodicWork.RunAsync(scopes, Interval, (services, ct) => services.GetRequiredService<TaskReminders>().SendDueAsync(ct),
            log, "Sending task reminders", stoppingToken);
    }
}
