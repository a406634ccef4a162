using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Documents;

/// <summary>
/// Whether the caller may see or change the record a document hangs on, by the record's own rules
/// (<see cref="RecordAccess"/>). Documents attach to the same record types as activities (<see cref="LinkedRecordType"/>);
/// a new type (deal, ticket) is one line in <see cref="DemandAsync"/>.
/// </summary>
public sealed class DocumentTargets(RapportDb db, RecordAccess access)
{
    /// <summary>404 unless the caller can read the record; 403 when they can read but not do <paramref name="operation"/>.</summary>
    public Task DemandAsync(LinkedRecordType type, Guid id, Operation operation, CancellationToken ct) => type switch
    {
        LinkedRecordType.Contact => DemandAsync(db.Contacts, "contact", id, operation, ct),
        LinkedRecordType.Company => DemandAsync(db.Companies, "company", id, operation, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Documents cannot be attached to this record type."),
    };

    private async Task DemandAsync<T>(IQueryable<T> records, string what, Guid id, Operation operation, CancellationToken ct)
        where T : Entity, IOwned
    {
        var record = await access.Readable(records).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"There is no {what} {id}.");
        if (operation != Operation.Read) access.Demand(record, operation, what);
    }
}
