using Rapport.Platform.Data;

namespace Rapport.Activities;

public enum ActivityType
{
    Note,
    Task,
    Call,
    Meeting,
    Email,
}

public enum ActivityChannel
{
    Email,
    Phone,
    Chat,
    Social,
    InPerson,
    Web,
    Other,
}

public enum ActivityDirection
{
    Inbound,
    Outbound,
}

/// <summary>Stored as its number so that sorting by priority puts high above normal above low.</summary>
public enum TaskPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
}

/// <summary>
/// One interaction on the timeline: a note, task, call, meeting or logged email. All kinds share one table;
/// the columns of the other kinds stay null (docs/decisions/0006-activities-in-one-table.md).
/// </summary>
public sealed class Activity : Entity, IOwned
{
    public ActivityType Type { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>Markdown as typed; rendering and sanitising happen where it is shown.</summary>
    public string? Body { get; set; }

    public ActivityChannel Channel { get; set; }

    /// <summary>When it happened; the timeline's order. For meetings it is always the start.</summary>
    public DateTime OccurredAt { get; set; }

    public Guid? OwnerId { get; set; }

    /// <summary>
    /// The linked records as a document, read and audited with the activity; <see cref="LinkRows"/> holds the
    /// same pairs as rows so timelines can find activities by record through an index.
    /// </summary>
    public List<RecordLink> Links { get; set; } = [];

    public List<ActivityLink> LinkRows { get; set; } = [];

    // Tasks
    public DateTime? DueAt { get; set; }
    public Guid? AssigneeId { get; set; }
    public TaskPriority? Priority { get; set; }
    public bool Done { get; set; }
    public DateTime? DoneAt { get; set; }
    public DateTime? RemindAt { get; set; }

    /// <summary>When the reminder notification went out; cleared when <see cref="RemindAt"/> changes so it goes out again.</summary>
    [Rapport.Platform.Audit.NotAudited]
    public DateTime? ReminderSentAt { get; set; }

    // Calls and logged emails (direction)
    public ActivityDirection? Direction { get; set; }
    public int? DurationSeconds { get; set; }
    public string? Outcome { get; set; }

    // Meetings
    public DateTime? StartAt { get; set; }
    public DateTime? EndAt { get; set; }
    public string? Location { get; set; }
    public List<Guid> AttendeeUserIds { get; set; } = [];
    public List<Guid> AttendeeContactIds { get; set; } = [];

    // Logged emails
    public string? EmailFrom { get; set; }
    public List<string> EmailTo { get; set; } = [];
}
