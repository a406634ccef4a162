using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Rapport.Activities;

public sealed record LinkInput
{
    [Required] public LinkedRecordType? Type { get; init; }
    [Required] public Guid? Id { get; init; }
}

/// <summary>
/// What a client sends to create an activity, and the document a merge patch applies to. Members that belong
/// to another kind (e.g. <c>durationSeconds</c> on a note) are refused, so a mistake never silently drops data.
/// </summary>
public sealed record ActivityInput
{
    [Required] public ActivityType? Type { get; init; }
    [MaxLength(ActivityLimits.Subject)] public string? Subject { get; init; }
    [MaxLength(ActivityLimits.Body)] public string? Body { get; init; }
    public ActivityChannel? Channel { get; init; }
    public DateTime? OccurredAt { get; init; }
    public Guid? OwnerId { get; init; }
    [MaxLength(ActivityLimits.MaxLinks)] public List<LinkInput>? Links { get; init; }

    // task
    public DateTime? DueAt { get; init; }
    public Guid? AssigneeId { get; init; }
    public TaskPriority? Priority { get; init; }
    public bool? Done { get; init; }
    public DateTime? RemindAt { get; init; }

    // call, email
    public ActivityDirection? Direction { get; init; }

    // call
    [Range(0, ActivityLimits.MaxDurationSeconds)] public int? DurationSeconds { get; init; }
    [MaxLength(ActivityLimits.Outcome)] public string? Outcome { get; init; }

    // meeting
    public DateTime? StartAt { get; init; }
    public DateTime? EndAt { get; init; }
    [MaxLength(ActivityLimits.Location)] public string? Location { get; init; }
    [MaxLength(ActivityLimits.MaxAttendees)] public List<Guid>? AttendeeUserIds { get; init; }
    [MaxLength(ActivityLimits.MaxAttendees)] public List<Guid>? AttendeeContactIds { get; init; }

    // email
    [MaxLength(ActivityLimits.Address)] public string? From { get; init; }
    [MaxLength(ActivityLimits.MaxRecipients)] public List<string>? To { get; init; }
}

/// <summary>One activity. Members of other kinds are null (a note has no <c>dueAt</c>).</summary>
public sealed record ActivityResponse(
    Guid Id,
    ActivityType Type,
    string Subject,
    string? Body,
    ActivityChannel Channel,
    DateTime OccurredAt,
    Guid? OwnerId,
    IReadOnlyList<RecordLink> Links,
    DateTime? DueAt,
    Guid? AssigneeId,
    TaskPriority? Priority,
    bool? Done,
    DateTime? DoneAt,
    DateTime? RemindAt,
    ActivityDirection? Direction,
    int? DurationSeconds,
    string? Outcome,
    DateTime? StartAt,
    DateTime? EndAt,
    string? Location,
    IReadOnlyList<Guid>? AttendeeUserIds,
    IReadOnlyList<Guid>? AttendeeContactIds,
    [property: JsonPropertyName("from")] string? EmailFrom,
    IReadOnlyList<string>? To,
    int Version,
    DateTime CreatedAt,
    Guid? CreatedById,
    DateTime UpdatedAt,
    Guid? UpdatedById)
{
    public static ActivityResponse From(Activity a)
    {
        var task = a.Type == ActivityType.Task;
        var meeting = a.Type == ActivityType.Meeting;
        var email = a.Type == ActivityType.Email;
        return new(a.Id, a.Type, a.Subject, a.Body, a.Channel, a.OccurredAt, a.OwnerId, a.Links,
            a.DueAt, a.AssigneeId, a.Priority, task ? a.Done : null, a.DoneAt, a.RemindAt,
            a.Direction, a.DurationSeconds, a.Outcome,
            a.StartAt, a.EndAt, a.Location, meeting ? a.AttendeeUserIds : null, meeting ? a.AttendeeContactIds : null,
            a.EmailFrom, email ? a.EmailTo : null,
            a.Version, a.CreatedAt, a.CreatedById, a.UpdatedAt, a.UpdatedById);
    }

    /// <summary>The writable part of an activity: only the members of its kind, so a patch validates cleanly.</summary>
    public static ActivityInput ToInput(Activity a)
    {
        var task = a.Type == ActivityType.Task;
        var meeting = a.Type == ActivityType.Meeting;
        var email = a.Type == ActivityType.Email;
        return new()
        {
            Type = a.Type,
            Subject = a.Subject,
            Body = a.Body,
            Channel = a.Channel,
            OccurredAt = a.OccurredAt,
            OwnerId = a.OwnerId,
            Links = a.Links.Select(l => new LinkInput { Type = l.Type, Id = l.Id }).ToList(),
            DueAt = a.DueAt,
            AssigneeId = a.AssigneeId,
            Priority = a.Priority,
            Done = task ? a.Done : null,
            RemindAt = a.RemindAt,
            Direction = a.Direction,
            DurationSeconds = a.DurationSeconds,
            Outcome = a.Outcome,
            StartAt = a.StartAt,
            EndAt = a.EndAt,
            Location = a.Location,
            AttendeeUserIds = meeting ? a.AttendeeUserIds : null,
            AttendeeContactIds = meeting ? a.AttendeeContactIds : null,
            From = a.EmailFrom,
            To = email ? a.EmailTo : null,
        };
    }
}

/// <summary>A row of "my tasks": what to do, by when, and whether it is already late.</summary>
public sealed record MyTaskResponse(
    Guid Id,
    string Subject,
    DateTime? DueAt,
    bool Overdue,
    TaskPriority Priority,
    DateTime? RemindAt,
    Guid? OwnerId,
    IReadOnlyList<RecordLink> Links,
    int Version);

/// <summary>An open task in a record's task panel.</summary>
public sealed record OpenTaskResponse(Guid Id, string Subject, DateTime? DueAt, bool Overdue, TaskPriority Priority, Guid? AssigneeId, int Version);

/// <summary>A record's open tasks: the first few, soonest due first, and how many there are.</summary>
public sealed record OpenTasksResponse(int Total, IReadOnlyList<OpenTaskResponse> Data);

/// <summary>The calendar subscription URL; the token in it is shown only here, once.</summary>
public sealed record CalendarFeedResponse(string Url, DateTime CreatedAt);
