using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Audit;

/// <summary>
/// The one place that stamps created/updated by and at, bumps <see cref="Entity.Version"/>, and writes
/// an <see cref="AuditEntry"/> for every create, update and delete, whichever path made it
/// (UI, API, seed, import): they all save through <see cref="RapportDb"/>.
/// </summary>
public sealed class AuditInterceptor(CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(Entity.Id), nameof(Entity.Version), nameof(Entity.CreatedAt), nameof(Entity.CreatedById),
        nameof(Entity.UpdatedAt), nameof(Entity.UpdatedById),
    ];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Stamp(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = Timestamps.UtcNow(clock);
        var entries = context.ChangeTracker.Entries<Entity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var (type, id, action, changes) in AccountAudit.Collect(context))
            context.Add(NewEntry(type, id, action, now, AccountAudit.Serialize(changes)));
        foreach (var entry in entries)
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = Changes(entry, action);
            if (action == AuditAction.Updated && changes.Count == 0)
            {
                entry.State = EntityState.Unchanged;
                continue;
            }
            if (action == AuditAction.Created)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.CreatedById = actor.UserId;
                entry.Entity.Version = 1;
            }
            if (action != AuditAction.Deleted)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedById = actor.UserId;
            }
            if (action == AuditAction.Updated) entry.Entity.Version++;

            context.Add(NewEntry(EntityTypeName(entry.Entity.GetType()), entry.Entity.Id, action, now,
                JsonSerializer.Serialize(changes, AuditJson.Options)));
        }
    }

    private AuditEntry NewEntry(string type, Guid id, AuditAction action, DateTime now, string changes) => new()
    {
        EntityType = type,
        EntityId = id,
        Action = action,
        At = now,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Via = actor.Via,
        Changes = changes,
    };

    public static string EntityTypeName(Type type) =>
        char.ToLowerInvariant(type.Name[0]) + type.Name[1..];

    private static List<FieldChange> Changes(EntityEntry<Entity> entry, AuditAction action)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Bookkeeping.Contains(name) || property.Metadata.IsShadowProperty()) continue;
            var oldValue = action == AuditAction.Created ? null : Format(property.OriginalValue);
            var newValue = action == AuditAction.Deleted ? null : Format(property.CurrentValue);
            if (action == AuditAction.Updated && !property.IsModified) continue;
            if (oldValue == newValue) continue;
            changes.Add(new FieldChange(char.ToLowerInvariant(name[0]) + name[1..], oldValue, newValue));
        }
        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f when value is not Enum => f.ToString(null, CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        System.Collections.IEnumerable => JsonSerializer.Serialize(value, AuditJson.Options),
        _ => value.ToString(),
    };
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
