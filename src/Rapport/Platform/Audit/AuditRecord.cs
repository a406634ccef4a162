using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Audit;

/// <summary>
/// The rules every writer of history follows: which fields an audit entry lists, how their values are written,
/// and how a new record is stamped. <see cref="AuditInterceptor"/> applies them to EF Core saves and the bulk
/// import path (<see cref="Data.Bulk.BulkSession"/>) to rows it writes itself, so both leave the same trail.
/// </summary>
public static class AuditRecord
{
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(Entity.Id), nameof(Entity.Version), nameof(Entity.CreatedAt), nameof(Entity.CreatedById),
        nameof(Entity.UpdatedAt), nameof(Entity.UpdatedById),
    ];

    /// <summary>Whether a property's changes belong in the history (not bookkeeping, not a database-only column).</summary>
    public static bool IsAudited(IReadOnlyProperty property) =>
        !Bookkeeping.Contains(property.Name) && !property.IsShadowProperty()
        && property.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: false) != true;

    public static string FieldName(IReadOnlyProperty property) =>
        char.ToLowerInvariant(property.Name[0]) + property.Name[1..];

    public static string EntityTypeName(Type type) =>
        char.ToLowerInvariant(type.Name[0]) + type.Name[1..];

    /// <summary>The fields a "created" entry lists: every audited property that has a value.</summary>
    public static List<FieldChange> CreatedChanges(IEntityType entityType, object entity)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entityType.GetProperties())
        {
            if (!IsAudited(property)) continue;
            var value = Format(property.GetGetter().GetClrValue(entity));
            if (value is null) continue;
            changes.Add(new FieldChange(FieldName(property), null, value));
        }
        return changes;
    }

    /// <summary>Stamps a new record the way every create is stamped: version 1, created and updated now by the actor.</summary>
    public static void StampCreated(Entity entity, DateTime now, Guid? actorId)
    {
        entity.CreatedAt = now;
        entity.CreatedById = actorId;
        entity.Version = 1;
        entity.UpdatedAt = now;
        entity.UpdatedById = actorId;
    }

    public static AuditEntry Entry(Entity entity, AuditAction action, IReadOnlyList<FieldChange> changes, DateTime now, CurrentActor actor) =>
        Entry(EntityTypeName(entity.GetType()), entity.Id, action, JsonSerializer.Serialize(changes, AuditJson.Options), now, actor);

    /// <summary>An entry for something that is not an <see cref="Entity"/> (user accounts), its changes already serialised.</summary>
    public static AuditEntry Entry(string entityType, Guid id, AuditAction action, string changes, DateTime now, CurrentActor actor) => new()
    {
        EntityType = entityType,
        EntityId = id,
        Action = action,
        At = now,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Via = actor.Via,
        Changes = changes,
    };

    /// <summary>How a value appears in the history: invariant culture, ISO 8601 times, lists as JSON.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        // PostgreSQL reads numeric(18,2) back as 1000.50, SQLite as 1000.5: write the shortest form on both.
        decimal m => Decimals.Shortest(m).ToString(CultureInfo.InvariantCulture),
        IFormattable f when value is not Enum => f.ToString(null, CultureInfo.InvariantCulture),
        // As the API writes it ("mql", not "Mql"), so history reads the same as the records.
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        System.Collections.IEnumerable => JsonSerializer.Serialize(value, AuditJson.Options),
        _ => value.ToString(),
    };
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
