using System.Text.Json.Serialization;

namespace Rapport.Activities;

/// <summary>
/// The kinds of record an activity can be linked to. Deals and tickets join by adding a value here and a line
/// in <see cref="LinkTargets"/>.
/// </summary>
/// <remarks>The member names keep the API's spelling wherever links are serialised, the audit trail included.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<LinkedRecordType>))]
public enum LinkedRecordType
{
    [JsonStringEnumMemberName("contact")] Contact,
    [JsonStringEnumMemberName("company")] Company,
}

/// <summary>One linked record, as the API shows it and as the activity's audited document stores it.</summary>
public sealed record RecordLink(LinkedRecordType Type, Guid Id);

/// <summary>An index row: activity <see cref="ActivityId"/> appears on the timeline of record <see cref="RecordId"/>.</summary>
public sealed class ActivityLink
{
    public Guid ActivityId { get; set; }
    public LinkedRecordType RecordType { get; set; }
    public Guid RecordId { get; set; }
}
