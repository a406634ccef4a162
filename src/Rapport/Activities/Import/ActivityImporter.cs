using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Platform.Data.Bulk;

namespace Rapport.Activities.Import;

public sealed record ActivityImportResult(int Activities, TimeSpan Elapsed)
{
    public double RowsPerSecond => Activities / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>
/// Loads many activities at once (a migration's history, the benchmark data set) through the bulk path, in one
/// transaction. Each activity gets what a save through <see cref="ActivityService"/> gives it: its link rows, the
/// creator's stamp and a "created" history entry. The linked records must exist and be readable by the caller;
/// it checks them in chunks rather than one query per activity.
/// </summary>
public sealed class ActivityImporter(RapportDb db, RecordAccess access, CurrentActor actor, TimeProvider clock)
{
    public const int ChunkSize = 5_000;

    public Task<ActivityImportResult> ImportAsync(IEnumerable<Activity> activities, CancellationToken ct) =>
        ImportAsync(activities, refreshStatistics: true, ct);

    // refreshStatistics is false for a CSV import's batches (company notes): a few hundred rows do not change the
    // data's shape, and ANALYZE per batch would cost more than the batch.
    public async Task<ActivityImportResult> ImportAsync(IEnumerable<Activity> activities, bool refreshStatistics, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = Timestamps.UtcNow(clock);
        var type = db.Model.FindEntityType(typeof(Activity))!;
        var count = 0;
        await using (var session = await BulkSession.BeginAsync(db, ct))
        {
            foreach (var chunk in activities.Chunk(ChunkSize))
            {
                await DemandLinkedRecordsAsync(chunk, ct);
                var links = new List<ActivityLink>(chunk.Length * 2);
                var history = new AuditEntry[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    var activity = chunk[i];
                    Normalize(activity);
                    access.Demand(activity, Operation.Create, "activity");
                    links.AddRange(activity.Links.Select(l => new ActivityLink { ActivityId = activity.Id, RecordType = l.Type, RecordId = l.Id }));
                    AuditRecord.StampCreated(activity, now, actor.UserId);
                    history[i] = AuditRecord.Entry(activity, AuditAction.Created, AuditRecord.CreatedChanges(type, activity), now, actor);
                }
                await session.WriteAsync(chunk, ct);
                await session.WriteAsync(links, ct);
                await session.WriteAsync(history, ct);
                await session.EndOfChunkAsync(ct);
                count += chunk.Length;
            }
            await session.CommitAsync(ct);
        }
        if (refreshStatistics) await BulkStatistics.RefreshAsync(db, ["Activities", "ActivityLinks", "AuditEntries"], ct);
        return new ActivityImportResult(count, Stopwatch.GetElapsedTime(started));
    }

    private static void Normalize(Activity activity)
    {
        if (activity.Links.Count == 0) throw Invalid($"Activity {activity.Id} links to no record.");
        activity.Links = [.. activity.Links.Distinct()];
        activity.LinkRows = [];
        if (activity.Type == ActivityType.Meeting)
        {
            if (activity.StartAt is not { } start || activity.EndAt is not { } end || end <= start)
                throw Invalid($"Meeting {activity.Id} needs a start before its end.");
            activity.OccurredAt = start;
        }
        if (activity.Type == ActivityType.Task) activity.Priority ??= TaskPriority.Normal;
    }

    /// <summary>Every contact and company the chunk links to must be one the caller can see.</summary>
    private async Task DemandLinkedRecordsAsync(Activity[] chunk, CancellationToken ct)
    {
        var contactIds = chunk.SelectMany(a => a.Links).Where(l => l.Type == LinkedRecordType.Contact).Select(l => l.Id).Distinct().ToList();
        var companyIds = chunk.SelectMany(a => a.Links).Where(l => l.Type == LinkedRecordType.Company).Select(l => l.Id).Distinct().ToList();
        var contacts = await ReadableCountAsync(access.Readable(db.Contacts.AsNoTracking()).Select(c => c.Id), contactIds, ct);
        var companies = await ReadableCountAsync(access.Readable(db.Companies.AsNoTracking()).Select(c => c.Id), companyIds, ct);
        if (contacts != contactIds.Count || companies != companyIds.Count)
            throw Invalid("Some activities link to contacts or companies that do not exist or that you cannot see.");
    }

    private static async Task<int> ReadableCountAsync(IQueryable<Guid> readable, List<Guid> ids, CancellationToken ct)
    {
        var found = 0;
        // Bounded IN lists: SQLite allows 32,766 parameters, PostgreSQL 65,535, and plans stay cheap at 1,000.
        foreach (var part in ids.Chunk(1_000))
            found += await readable.CountAsync(id => part.Contains(id), ct);
        return found;
    }

    private static Platform.Api.RequestValidationException Invalid(string message) =>
        Platform.Api.RequestValidationException.For("import", message);
}
