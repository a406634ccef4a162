using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Import;

/// <summary>
/// Runs one import job as the person who started it: counts the rows, then reads the file again in batches as
/// records of the job's type (<see cref="ImportKind"/>), creating through the bulk path (<see cref="ContactImporter"/>)
/// and updating through the type's service, each batch in its own DI scope so no change tracker grows with the file.
/// Progress and a heartbeat are saved after each batch.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ImportFiles files, TimeProvider clock, ILogger<ImportRunner> log)
{
    public const int BatchSize = 500;

    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        var path = files.PathOf(jobId);
        if (!File.Exists(path)) return; // another node received the file and runs the job
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            // Claiming is one conditional update, so a job runs once even if two workers see it.
            var claimed = await db.Imports.Where(j => j.Id == jobId && j.Status == ImportStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running)
                    .SetProperty(j => j.HeartbeatAt, Timestamps.UtcNow(clock)), ct);
            if (claimed == 0) return;
        }
        try
        {
            await ProcessAsync(jobId, path, ct);
            await FinishAsync(jobId, ImportStatus.Completed, null, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FinishAsync(jobId, ImportStatus.Failed, "The server stopped while the import was running; rows imported so far were kept.", CancellationToken.None);
        }
#pragma warning disable CA1031 // A job's failure is recorded on the job for the person to see, whatever it was.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            log.LogError(failure, "Import {JobId} failed", jobId);
            var message = failure is CsvHelper.CsvFormatException or RequestValidationException or ForbiddenException
                ? failure.Message : "The import stopped on an unexpected error; rows imported so far were kept.";
            await FinishAsync(jobId, ImportStatus.Failed, message, CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ProcessAsync(Guid jobId, string path, CancellationToken ct)
    {
        ImportJob job;
        await using (var scope = scopes.CreateAsyncScope())
            job = await scope.ServiceProvider.GetRequiredService<RapportDb>().Imports.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);

        string encoding;
        await using (var stream = File.OpenRead(path)) encoding = await ImportCsv.DetectEncodingAsync(stream, ct);
        var total = 0;
        await using (var stream = File.OpenRead(path))
        using (var counting = ImportCsv.Open(stream, encoding))
        {
            while (await counting.ReadAsync(ct)) total++;
            total += counting.TakeMalformed().Count;
        }
        await UpdateAsync(jobId, j => { j.Encoding = encoding; j.Total = total; }, [], ct);

        await using var file = File.OpenRead(path);
        using var csv = ImportCsv.Open(file, encoding);
        var headers = csv.Headers;
        var kind = ImportKind.Of(job.RecordType);
        IReadOnlyList<Platform.CustomFields.CustomFieldDefinition> custom;
        await using (var scope = scopes.CreateAsyncScope())
            custom = await ImportCustomFields.LoadAsync(scope.ServiceProvider.GetRequiredService<Platform.CustomFields.CustomFieldValues>(), kind, ct);
        var mapping = ImportMapping.For(kind, headers, ImportMapping.Parse(job.Mapping), custom);
        var fieldAt = mapping.FieldAt(headers);
        var columnOf = mapping.ColumnOf();
        var batch = new List<ImportedRow>(BatchSize);
        var broken = new List<ImportRowError>();
        while (await csv.ReadAsync(ct))
        {
            broken.AddRange(csv.TakeMalformed());
            batch.Add(kind.Read(csv.Row, csv.Values(fieldAt), columnOf, custom));
            if (batch.Count == BatchSize)
            {
                await RunBatchAsync(job, batch, broken, ct);
                batch.Clear();
                broken.Clear();
            }
        }
        broken.AddRange(csv.TakeMalformed());
        await RunBatchAsync(job, batch, broken, ct);
    }

    private async Task RunBatchAsync(ImportJob job, List<ImportedRow> rows, List<ImportRowError> broken, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await ActAsAsync(services, job.CreatedById);
        var outcome = await ImportKind.Of(job.RecordType).RunBatchAsync(services, rows, job.Strategy, ct);
        var errors = broken.Concat(outcome.Errors).ToList();
        await UpdateAsync(job.Id, j =>
        {
            j.Processed += rows.Count + broken.Count;
            j.CreatedCount += outcome.Created;
            j.UpdatedCount += outcome.Updated;
            j.SkippedCount += outcome.Skipped;
            j.ErrorCount += errors.Select(e => e.Row).Distinct().Count();
        }, errors, ct);
    }

    /// <summary>The job acts with the permissions its creator has now (a deactivated user's job stops).</summary>
    private static async Task ActAsAsync(IServiceProvider services, Guid userId)
    {
        var users = services.GetRequiredService<UserManager<RapportUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is not { IsActive: true }) throw new ForbiddenException("The person who started the import can no longer sign in.");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<RapportUser>>().CreateAsync(user);
        services.GetRequiredService<CurrentActor>().Set(principal, "import");
    }

    private async Task UpdateAsync(Guid jobId, Action<ImportJob> change, List<ImportRowError> errors, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var job = await db.Imports.SingleAsync(j => j.Id == jobId, ct);
        change(job);
        job.HeartbeatAt = Timestamps.UtcNow(clock);
        db.ImportErrors.AddRange(errors.Select(e => new ImportError
        {
            ImportJobId = jobId,
            Row = e.Row,
            Column = e.Column is { Length: > 200 } column ? column[..200] : e.Column,
            Message = e.Message.Length > 1000 ? e.Message[..1000] : e.Message,
        }));
        await db.SaveChangesAsync(ct);
    }

    private Task FinishAsync(Guid jobId, ImportStatus status, string? failure, CancellationToken ct) =>
        UpdateAsync(jobId, j =>
        {
            j.Status = status;
            j.Failure = failure;
            j.FinishedAt = Timestamps.UtcNow(clock);
        }, [], ct);
}
