using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Platform.Data;

namespace Rapport.Platform.Tags;

/// <summary>
/// Keeps the tag catalogue in step with what records carry, on every save of a tagged record (API, UI, merge,
/// bulk tagging): a name used for the first time is added to the catalogue, and each tag is written in the
/// catalogue's spelling, so "VIP" typed on one contact and "vip" on another stay one tag that <c>tags has</c> finds.
/// Runs before <see cref="Audit.AuditInterceptor"/>, so history records the spelling that was stored.
/// </summary>
public sealed class TagInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RapportDb db) await CatalogueAsync(db, cancellationToken);
        return result;
    }

    private async Task CatalogueAsync(RapportDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries<Entity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (Entry: e, Type: TaggedRecords.Of(e.Entity.GetType())))
            .Where(x => x.Type is not null && (x.Entry.State == EntityState.Added || x.Entry.Property(x.Type.Property.Name).IsModified))
            .ToList();
        if (changed.Count == 0) return;
        var names = changed.SelectMany(x => x.Type!.TagsOf(x.Entry.Entity)).DistinctBy(TagNames.Normalize).ToList();
        if (names.Count == 0) return;
        var spelling = await TagCatalogue.EnsureAsync(db, names, db.Actor.UserId, Timestamps.UtcNow(clock), ct);
        foreach (var (entry, type) in changed)
        {
            var current = type!.TagsOf(entry.Entity);
            var canonical = TagNames.Clean(current.Select(t => spelling.GetValueOrDefault(TagNames.Normalize(t), t)));
            if (!canonical.SequenceEqual(current)) entry.Property(type.Property.Name).CurrentValue = canonical;
        }
    }
}
