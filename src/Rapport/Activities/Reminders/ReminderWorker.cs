namespace Rapport.Activities.Reminders;

/// <summary>Every 30 seconds, sends the task reminders that have come due (<see cref="TaskReminders"/>).</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, ILogger<ReminderWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting before touching the database
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TaskReminders>().SendDueAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A database hiccup must not stop the host; the next tick tries again.
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    log.LogWarning(failure, "Sending task reminders failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
