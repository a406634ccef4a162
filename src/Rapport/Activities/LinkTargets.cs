using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Activities;

/// <summary>
/// The records an activity can be linked to, and which of them the caller may see. A new linkable record type
/// (deal, ticket) is one enum value in <see cref="LinkedRecordType"/> and one line in <see cref="ReadableIds"/>.
/// </summary>
public sealed class LinkTargets(RapportDb db, RecordAccess access)
{
    public IQueryable<Guid> ReadableIds(LinkedRecordType type) => type switch
    {
        LinkedRecordType.Contact => access.Readable(db.Contacts).Select(c => c.Id),
        LinkedRecordType.Company => access.Readable(db.Companies).Select(c => c.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a linkable record type."),
    };

    /// <summary>Ids of activities linked to at least one record the caller may see.</summary>
    public IQueryable<Guid> ActivitiesLinkedToReadable()
    {
        IQueryable<Guid>? ids = null;
        foreach (var type in Enum.GetValues<LinkedRecordType>())
        {
            var readable = ReadableIds(type);
            var linked = db.ActivityLinks.Where(l => l.RecordType == type && readable.Contains(l.RecordId)).Select(l => l.ActivityId);
            ids = ids is null ? linked : ids.Concat(linked);
        }
        return ids!;
    }
}
