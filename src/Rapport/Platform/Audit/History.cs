using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Audit;

public sealed record HistoryEntry(Guid Id, string Action, DateTime At, Guid? ActorId, string ActorName, string? Via,
    IReadOnlyList<FieldChange> Changes);

/// <summary>Reads a record's audit trail, newest first. Callers check that the record is visible first.</summary>
public static class History
{
    public const int MaxEntries = 500;

    /// <summary>
    /// The trail of a record the caller can see, or of a deleted record the caller could see when it was
    /// deleted (so "who deleted it, and what did it hold" has an answer); anything else is not found.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ForVisibleAsync<T>(RapportDb db, RecordAccess access,
        IQueryable<T> readable, Guid id, string what, CancellationToken ct) where T : Entity, IOwned
    {
        if (await readable.AnyAsync(r => r.Id == id, ct)) return await ForAsync<T>(db, id, ct);
        var entries = await ForAsync<T>(db, id, ct);
        if (entries.FirstOrDefault(e => e.Action == "deleted") is { } deletion
            && !await db.Set<T>().AnyAsync(r => r.Id == id, ct))
        {
            var owner = deletion.Changes.FirstOrDefault(c => c.Field == nameof(IOwned.OwnerId).ToCamelCase())?.Old;
            if (access.MayRead(Guid.TryParse(owner, out var ownerId) ? ownerId : null)) return entries;
        }
        throw new NotFoundException($"No {what} with id {id} that you can see.");
    }

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

internal static class NameCasing
{
    public static string ToCamelCase(this string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
