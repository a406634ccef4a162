using Rapport.Platform.Api.Listing;

namespace Rapport.Activities;

/// <summary>What activity lists may be filtered and sorted by (docs/api.md lists the same).</summary>
public static class ActivityFields
{
    public const string DefaultSort = "-occurredAt";

    public static readonly ResourceFields<Activity> All = new ResourceFields<Activity>()
        .Add("id", a => a.Id, sortable: false)
        .Add("type", a => a.Type, sortable: false)
        .Add("channel", a => a.Channel, sortable: false)
        .Add("subject", a => a.Subject)
        .Add("occurredAt", a => a.OccurredAt)
        .Add("ownerId", a => a.OwnerId, sortable: false)
        // Linked records, tested with `has`: contactIds has '<id>'.
        .Add("contactIds", a => a.LinkRows.Where(l => l.RecordType == LinkedRecordType.Contact).Select(l => l.RecordId), sortable: false)
        .Add("companyIds", a => a.LinkRows.Where(l => l.RecordType == LinkedRecordType.Company).Select(l => l.RecordId), sortable: false)
        .Add("assigneeId", a => a.AssigneeId, sortable: false)
        .Add("dueAt", a => a.DueAt)
        .Add("done", a => a.Done, sortable: false)
        .Add("doneAt", a => a.DoneAt)
        .Add("priority", a => a.Priority)
        .Add("remindAt", a => a.RemindAt)
        .Add("direction", a => a.Direction, sortable: false)
        .Add("durationSeconds", a => a.DurationSeconds)
        .Add("outcome", a => a.Outcome, sortable: false)
        .Add("startAt", a => a.StartAt)
        .Add("endAt", a => a.EndAt)
        .Add("location", a => a.Location, sortable: false)
        .Add("attendeeUserIds", a => a.AttendeeUserIds, sortable: false)
        .Add("attendeeContactIds", a => a.AttendeeContactIds, sortable: false)
        .Add("from", a => a.EmailFrom, sortable: false)
        .Add("createdAt", a => a.CreatedAt)
        .Add("updatedAt", a => a.UpdatedAt)
        .Add("createdById", a => a.CreatedById, sortable: false);
}
