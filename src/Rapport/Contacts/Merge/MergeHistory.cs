using System.Text.Json;
using Rapport.Platform.Api;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Merge;

/// <summary>
/// What a merge adds to the audit trail beyond the field changes and the deletion the interceptor records: on the
/// survivor, which record was merged into it; on the deleted record, where it went.
/// </summary>
public sealed class MergeHistory(RapportDb db, CurrentActor actor, TimeProvider clock)
{
    public const string MergedFrom = "mergedFrom";
    public const string MergedInto = "mergedInto";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync<T>(Guid survivorId, string survivorName, Guid mergedId, string mergedName, CancellationToken ct)
        where T : Entity
    {
        var type = AuditRecord.EntityTypeName(typeof(T));
        var now = Timestamps.UtcNow(clock);
        db.AuditEntries.Add(AuditRecord.Entry(type, survivorId, AuditAction.Updated,
            JsonSerializer.Serialize(new[] { new FieldChange(MergedFrom, null, $"{mergedName} ({mergedId})") }, Json), now, actor));
        db.AuditEntries.Add(AuditRecord.Entry(type, mergedId, AuditAction.Updated,
            JsonSerializer.Serialize(new[] { new FieldChange(MergedInto, null, $"{survivorName} ({survivorId})") }, Json), now, actor));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The merged record must still be at the version the caller chose from (checked inside the transaction).</summary>
    public static Action<T>? VersionCheck<T>(int? expected, string what) where T : Entity =>
        expected is not { } version ? null : record =>
        {
            if (record.Version != version)
                throw new PreconditionFailedException($"The {what} to merge has changed since version {version} (now {record.Version}). Reload and choose again.");
        };
}
