using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Audit;

public sealed record HistoryEntry(Guid Id, string Action, DateTime At, Guid? ActorId, string ActorName, string? Via,
    IReadOnlyList<FieldChange> Changes);

/// <summary>Reads a record's audit trail, newest first. Callers check that the record is visible first.</summary>
public static class History
{
    public const int MaxEntries = 500;

    public static Task<IReadOnlyList<HistoryEntry>> ForAsync<T>(RapportDb db, Guid id, CancellationToken ct) =>
        ForAsync(db, AuditInterceptor.EntityTypeName(typeof(T)), id, ct);

    /// <summary>For audited things that are not <see cref="Data.Entity"/> records, e.g. <see cref="AccountAudit.UserType"/>.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ForAsync(RapportDb db, string type, Guid id, CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == type && e.EntityId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(MaxEntries)
            .ToListAsync(ct);
        return rows.Select(e => new HistoryEntry(e.Id, e.Action.ToString().ToLowerInvariant(), e.At, e.ActorId,
            e.ActorName, e.Via, JsonSerializer.Deserialize<List<FieldChange>>(e.Changes, AuditJson.Options) ?? [])).ToList();
    }
}
