using Microsoft.Extensions.Options;
using Rapport.Platform.Hosting;

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
        await PeriodicWork.RunAsync(scopes, TimeSpan.FromSeconds(options.Value.PollSeconds),
            (services, ct) => services.GetRequiredService<EmailOutbox>().SendDueAsync(ct), log, "Sending queued emails", stoppingToken);
    }
}
