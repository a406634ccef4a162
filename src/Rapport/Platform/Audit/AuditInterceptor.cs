using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Audit;

/// <summary>
/// The one place that stamps created/updated by and at, bumps <see cref="Entity.Version"/>, and writes
/// an <see cref="AuditEntry"/> for every create, update and delete, whichever path made it
/// (UI, API, seed, CLI): they all save through <see cref="RapportDb"/>. The bulk import path writes its own
/// rows by the same <see cref="AuditRecord"/> rules.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
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
        var actor = context is RapportDb db ? db.Actor : new CurrentActor();
        context.ChangeTracker.DetectChanges();
        var now = Timestamps.UtcNow(clock);
        var entries = context.ChangeTracker.Entries<Entity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var (type, id, action, changes) in AccountAudit.Collect(context))
            context.Add(AuditRecord.Entry(type, id, action, AccountAudit.Serialize(changes), now, actor));
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
                AuditRecord.StampCreated(entry.Entity, now, actor.UserId);
            }
            else if (action == AuditAction.Updated)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedById = actor.UserId;
                entry.Entity.Version++;
            }
            context.Add(AuditRecord.Entry(entry.Entity, action, changes, now, actor));
        }
    }

    public static string EntityTypeName(Type type) => AuditRecord.EntityTypeName(type);

    private static List<FieldChange> Changes(EntityEntry<Entity> entry, AuditAction action)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            if (!AuditRecord.IsAudited(property.Metadata)) continue;
            if (action == AuditAction.Updated && !property.IsModified) continue;
            var oldValue = action == AuditAction.Created ? null : AuditRecord.Format(property.OriginalValue);
            var newValue = action == AuditAction.Deleted ? null : AuditRecord.Format(property.CurrentValue);
            if (oldValue == newValue) continue;
            changes.Add(new FieldChange(AuditRecord.FieldName(property.Metadata), oldValue, newValue));
        }
        return changes;
    }
}
