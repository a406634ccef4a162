using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.Import;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

/// <summary>
/// A running import whose node died (no heartbeat for five minutes) is marked failed, so the person sees it stopped
/// instead of a progress bar that never moves; an import still sending heartbeats is left alone.
/// </summary>
public abstract class ImportLeaseTests(RapportApp app)
{
    private async Task<Guid> RunningJobAsync(Guid ownerId, DateTime? heartbeat) =>
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<RapportDb>();
            var job = new ImportJob
            {
                CreatedById = ownerId,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-30),
                FileName = "people.csv",
                Status = ImportStatus.Running,
                HeartbeatAt = heartbeat,
                Total = 1000,
                Processed = 500,
            };
            db.Imports.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

    [Fact]
    public async Task AJobWithoutHeartbeatForFiveMinutes_IsFailed_AndSaysWhy_WhileALiveJobKeepsRunning()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var stale = await RunningJobAsync(admin.Id, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-6));
        var live = await RunningJobAsync(admin.Id, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-20));

        await app.WithServicesAsync(services => services.GetRequiredService<ImportLeases>().ExpireAsync(CancellationToken.None));

        var staleJob = await (await admin.Client.GetAsync($"/api/v1/imports/{stale}")).ReadAsync<ImportResponse>();
        var liveJob = await (await admin.Client.GetAsync($"/api/v1/imports/{live}")).ReadAsync<ImportResponse>();
        Assert.Equal("failed", staleJob.Status);
        Assert.Equal(ImportLeases.Message, staleJob.Failure);
        Assert.Equal(500, staleJob.Processed);
        Assert.Equal("running", liveJob.Status);
    }

    [Fact]
    public async Task AFinishedImport_RecordsItsLastHeartbeat()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var job = await admin.Client.ImportAsync(ImportClient.Utf8("Last name\r\nBeat\r\n"));

        var heartbeat = await app.WithServicesAsync(services =>
            services.GetRequiredService<RapportDb>().Imports.Where(j => j.Id == job.Id).Select(j => j.HeartbeatAt).SingleAsync());
        Assert.NotNull(heartbeat);
    }
}

public sealed class ImportLeaseTestsOnSqlite(SqliteApp app) : ImportLeaseTests(app), IClassFixture<SqliteApp>;

public sealed class ImportLeaseTestsOnPostgres(PostgresApp app) : ImportLeaseTests(app), IClassFixture<PostgresApp>;
