using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Activities;

/// <summary>Validates an activity document for its kind and writes it onto the entity.</summary>
public sealed class ActivityRules(RapportDb db, RecordAccess access, LinkTargets targets, TimeProvider clock)
{
    /// <summary>Members that belong to one kind only, by API name.</summary>
    private static readonly (string Name, Func<ActivityInput, bool> Present, ActivityType[] Kinds)[] KindMembers =
    [
        ("dueAt", i => i.DueAt is not null, [ActivityType.Task]),
        ("assigneeId", i => i.AssigneeId is not null, [ActivityType.Task]),
        ("priority", i => i.Priority is not null, [ActivityType.Task]),
        ("done", i => i.Done is not null, [ActivityType.Task]),
        ("remindAt", i => i.RemindAt is not null, [ActivityType.Task]),
        ("direction", i => i.Direction is not null, [ActivityType.Call, ActivityType.Email]),
        ("durationSeconds", i => i.DurationSeconds is not null, [ActivityType.Call]),
        ("outcome", i => i.Outcome is not null, [ActivityType.Call]),
        ("startAt", i => i.StartAt is not null, [ActivityType.Meeting]),
        ("endAt", i => i.EndAt is not null, [ActivityType.Meeting]),
        ("location", i => i.Location is not null, [ActivityType.Meeting]),
        ("attendeeUserIds", i => i.AttendeeUserIds is { Count: > 0 }, [ActivityType.Meeting]),
        ("attendeeContactIds", i => i.AttendeeContactIds is { Count: > 0 }, [ActivityType.Meeting]),
        ("from", i => i.From is not null, [ActivityType.Email]),
        ("to", i => i.To is { Count: > 0 }, [ActivityType.Email]),
    ];

    /// <summary>Outside these, a timestamp is a typo (and far dates overflow calendar arithmetic).</summary>
    private static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task ApplyAsync(Activity activity, ActivityInput input, bool isNew, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!isNew && input.Type is { } changed && changed != activity.Type)
            errors["type"] = ["The type of an activity cannot change; create a new activity instead."];
        var kind = isNew ? input.Type ?? ActivityType.Note : activity.Type;
        foreach (var (name, present, kinds) in KindMembers)
        {
            if (present(input) && !kinds.Contains(kind))
                errors[name] = [$"{name} applies only to {string.Join(" and ", kinds.Select(k => Name(k) + "s"))}, not to {Name(kind)}s."];
        }
        if (kind == ActivityType.Note ? string.IsNullOrWhiteSpace(input.Body) : string.IsNullOrWhiteSpace(input.Subject))
        {
            var field = kind == ActivityType.Note ? "body" : "subject";
            errors[field] = [$"A {Name(kind)} needs a {field}."];
        }
        foreach (var (name, value) in new[] { ("occurredAt", input.OccurredAt), ("dueAt", input.DueAt), ("remindAt", input.RemindAt),
                     ("startAt", input.StartAt), ("endAt", input.EndAt) })
        {
            if (Utc(value) is { } time && (time < Earliest || time > Latest))
                errors[name] = [$"{name} must be between the years {Earliest.Year} and {Latest.Year - 1}."];
        }
        var links = await CheckLinksAsync(activity, input.Links, errors, ct);
        if (kind == ActivityType.Meeting) await CheckMeetingAsync(activity, input, errors, ct);
        if (kind == ActivityType.Email && input.To?.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > ActivityLimits.Address) == true)
            errors["to"] = [$"Each recipient is 1 to {ActivityLimits.Address} characters."];
        var owner = await access.ResolveOwnerAsync(input.OwnerId, isNew, activity.OwnerId, errors, ct);
        var assignee = kind == ActivityType.Task ? input.AssigneeId ?? (isNew ? owner : null) : null;
        if (assignee is { } a && a != activity.AssigneeId && !await db.Users.AnyAsync(u => u.Id == a && u.IsActive, ct))
            errors["assigneeId"] = ["assigneeId does not name an active user."];
        RequestValidator.ThrowIfInvalid(input, errors);

        var now = Timestamps.UtcNow(clock);
        activity.Type = kind;
        activity.Subject = Clean(input.Subject) ?? "";
        activity.Body = string.IsNullOrWhiteSpace(input.Body) ? null : input.Body;
        activity.Channel = input.Channel ?? DefaultChannel(kind);
        activity.OwnerId = owner;
        SetLinks(activity, links);
        activity.AssigneeId = assignee;
        activity.DueAt = Utc(input.DueAt);
        var remindAt = Utc(input.RemindAt);
        if (remindAt != activity.RemindAt) activity.ReminderSentAt = null;
        activity.RemindAt = remindAt;
        activity.Priority = kind == ActivityType.Task ? input.Priority ?? TaskPriority.Normal : null;
        var done = kind == ActivityType.Task && input.Done == true;
        if (done != activity.Done) activity.DoneAt = done ? now : null;
        activity.Done = done;
        activity.Direction = input.Direction;
        activity.DurationSeconds = input.DurationSeconds;
        activity.Outcome = Clean(input.Outcome);
        activity.StartAt = Utc(input.StartAt);
        activity.EndAt = Utc(input.EndAt);
        activity.Location = Clean(input.Location);
        SetIfChanged(activity.AttendeeUserIds, (input.AttendeeUserIds ?? []).Distinct().ToList(), v => activity.AttendeeUserIds = v);
        SetIfChanged(activity.AttendeeContactIds, (input.AttendeeContactIds ?? []).Distinct().ToList(), v => activity.AttendeeContactIds = v);
        activity.EmailFrom = Clean(input.From);
        SetIfChanged(activity.EmailTo, (input.To ?? []).Select(t => t.Trim()).ToList(), v => activity.EmailTo = v);
        // A meeting happens when it starts; anything else when the caller says, or now.
        activity.OccurredAt = kind == ActivityType.Meeting ? activity.StartAt!.Value
            : Utc(input.OccurredAt) ?? (isNew ? now : activity.OccurredAt);
    }

    private async Task<List<RecordLink>> CheckLinksAsync(Activity activity, List<LinkInput>? input, Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        var links = new List<RecordLink>();
        if (input is null || input.Count == 0)
        {
            errors["links"] = ["Link the activity to at least one contact or company."];
            return links;
        }
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i] is null) errors[$"links[{i}]"] = [$"links[{i}] is empty; give a type and an id."];
            if (input[i] is not { Type: { } type, Id: { } id }) continue; // the [Required] members report a missing one
            var link = new RecordLink(type, id);
            if (links.Contains(link)) continue;
            // Links the activity already has stay, even if the record has since moved out of the caller's reach.
            if (!activity.Links.Contains(link) && !await targets.ReadableIds(type).AnyAsync(r => r == id, ct))
                errors[$"links[{i}].id"] = [$"links[{i}] does not name a {Name(type)} you can see."];
            links.Add(link);
        }
        if (links.Count == 0 && errors.Keys.All(k => !k.StartsWith("links", StringComparison.Ordinal)))
            errors["links"] = ["Link the activity to at least one contact or company."];
        return links;
    }

    private async Task CheckMeetingAsync(Activity activity, ActivityInput input, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (input.StartAt is null) errors["startAt"] = ["A meeting needs a startAt."];
        if (input.EndAt is null) errors["endAt"] = ["A meeting needs an endAt."];
        else if (input.StartAt is { } start && Utc(input.EndAt) <= Utc(start)) errors["endAt"] = ["endAt must be after startAt."];
        var newUsers = (input.AttendeeUserIds ?? []).Except(activity.AttendeeUserIds).Distinct().ToList();
        if (newUsers.Count > 0 && await db.Users.CountAsync(u => newUsers.Contains(u.Id) && u.IsActive, ct) != newUsers.Count)
            errors["attendeeUserIds"] = ["Every attendee user must be an active user."];
        var newContacts = (input.AttendeeContactIds ?? []).Except(activity.AttendeeContactIds).Distinct().ToList();
        if (newContacts.Count > 0
            && await targets.ReadableIds(LinkedRecordType.Contact).CountAsync(c => newContacts.Contains(c), ct) != newContacts.Count)
            errors["attendeeContactIds"] = ["Every attendee contact must be a contact you can see."];
    }

    internal static void SetLinks(Activity activity, List<RecordLink> links)
    {
        if (!links.SequenceEqual(activity.Links)) activity.Links = links;
        activity.LinkRows.RemoveAll(row => !links.Contains(new RecordLink(row.RecordType, row.RecordId)));
        foreach (var link in links.Where(l => !activity.LinkRows.Any(r => r.RecordType == l.Type && r.RecordId == l.Id)))
            activity.LinkRows.Add(new ActivityLink { ActivityId = activity.Id, RecordType = link.Type, RecordId = link.Id });
    }

    private static void SetIfChanged<T>(List<T> current, List<T> next, Action<List<T>> set)
    {
        if (!next.SequenceEqual(current)) set(next);
    }

    public static ActivityChannel DefaultChannel(ActivityType type) => type switch
    {
        ActivityType.Call => ActivityChannel.Phone,
        ActivityType.Email => ActivityChannel.Email,
        ActivityType.Meeting => ActivityChannel.InPerson,
        _ => ActivityChannel.Other,
    };

    /// <summary>
    /// Timestamps are stored in UTC at the microseconds both databases keep; one sent without an offset is
    /// taken to be UTC already.
    /// </summary>
    public static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } v => Timestamps.Truncate(v),
        { Kind: DateTimeKind.Local } v => Timestamps.Truncate(v.ToUniversalTime()),
        var v => Timestamps.Truncate(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Name<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
