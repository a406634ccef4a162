using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Import;

/// <summary>Starts and looks up import jobs, for the API and the import page alike.</summary>
public sealed class ImportStarter(RapportDb db, RecordAccess access, CurrentActor actor, ImportFiles files,
    PendingImports pending, TimeProvider clock, CustomFieldValues customFields)
{
    /// <summary>Checks the mapping against the file, keeps the file for the worker and queues the job. open opens
    /// the uploaded file from its start: it is read more than once.</summary>
    public async Task<ImportJob> StartAsync(ImportKind kind, Func<Stream> open, string fileName, IReadOnlyDictionary<string, string>? mapping,
        DuplicateStrategy strategy, CancellationToken ct)
    {
        kind.DemandCreate(access, actor.UserId);
        var job = new ImportJob
        {
            RecordType = kind.Type,
            CreatedById = actor.UserId ?? throw new ForbiddenException("Sign in to import."),
            CreatedAt = Timestamps.UtcNow(clock),
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 255 } name ? name : "import.csv",
            Status = ImportStatus.Queued,
            Strategy = strategy,
        };
        string encoding;
        await using (var source = open()) encoding = await ImportCsv.DetectEncodingAsync(source, ct);
        await using (var source = open())
        {
            // The mapping is checked against the real headers now, so a wrong one is a 400, not a failed job.
            using var csv = ImportCsv.Open(source, encoding);
            job.Mapping = ImportMapping.For(kind, csv.Headers, mapping, await ImportCustomFields.LoadAsync(customFields, kind, ct)).ToJson();
        }
        var path = files.PathOf(job.Id);
        await using (var source = open())
        await using (var target = File.Create(path))
            await source.CopyToAsync(target, ct);
        db.Imports.Add(job);
        await db.SaveChangesAsync(ct);
        pending.Enqueue(job.Id);
        return job;
    }

    /// <summary>
    /// An import is visible to the person who started it and to admins; with a kind, only an import of that type
    /// (each type's imports are their own resource).
    /// </summary>
    public async Task<ImportJob> GetAsync(Guid id, ImportKind? kind, CancellationToken ct)
    {
        var job = await db.Imports.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || (kind is not null && job.RecordType != kind.Type)
            || (job.CreatedById != actor.UserId && !actor.IsInRole(Roles.Admin)))
            throw new NotFoundException($"No import with id {id} that you can see.");
        return job;
    }
}
