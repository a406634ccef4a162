using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;
using Rapport.Platform.Hosting;

namespace Rapport.Contacts.Import;

/// <summary>
/// Runs this node's import jobs one after the other, off the request threads. At start it picks up jobs that were
/// queued here before a restart (their files are still in data/imports/). A second loop expires, every minute,
/// running jobs whose node stopped sending heartbeats (<see cref="ImportLeases"/>).
/// </summary>
public sealed class ImportWorker(PendingImports pending, ImportRunner runner, IServiceScopeFactory scopes, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting before touching the database
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            foreach (var id in await db.Imports.Where(j => j.Status == ImportStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(stoppingToken))
                pending.Enqueue(id);
        }
        var sweeping = SweepLeasesAsync(stoppingToken);
        await foreach (var jobId in pending.ReadAllAsync(stoppingToken))
            await runner.RunAsync(jobId, stoppingToken);
        await sweeping;
    }

    private Task SweepLeasesAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(scopes, TimeSpan.FromMinutes(1), (services, ct) => services.GetRequiredService<ImportLeases>().ExpireAsync(ct),
            log, "Expiring stale imports", stoppingToken);
}
