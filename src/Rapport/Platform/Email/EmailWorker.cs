using Microsoft.Extensions.Options;

namespace Rapport.Platform.Email;

/// <summary>
/// Every Rapport:Smtp:PollSeconds (15 by default), sends the queued emails that are due (<see cref="EmailOutbox"/>).
/// Idle when email is off.
/// </summary>
public sealed class EmailWorker(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, ILogger<EmailWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield(); // let the host finish starting before touching the database
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendDueAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A database hiccup must not stop the host; the next tick tries again.
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    log.LogWarning(failure, "Sending queued emails failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
