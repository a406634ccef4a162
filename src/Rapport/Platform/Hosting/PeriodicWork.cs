namespace Rapport.Platform.Hosting;

/// <summary>
/// The loop of the background workers that sweep the database (reminders, the email outbox, stale imports): run the
/// work in a fresh DI scope now and then every interval until the host stops. A failure is logged and the next tick
/// tries again, so a database hiccup never stops the host.
/// </summary>
public static class PeriodicWork
{
    public static async Task RunAsync(IServiceScopeFactory scopes, TimeSpan interval, Func<IServiceProvider, CancellationToken, Task> work,
        ILogger log, string what, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await work(scope.ServiceProvider, stoppingToken);
                }
#pragma warning disable CA1031 // A database hiccup must not stop the host; the next tick tries again.
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    log.LogWarning(failure, "{Work} failed", what);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
