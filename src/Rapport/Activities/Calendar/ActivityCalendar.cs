using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Activities.Calendar;

/// <summary>
/// Meetings and tasks as iCalendar (RFC 5545). Tasks are written as short VEVENTs at their due time rather
/// than as task components, because the calendar apps people subscribe with (Google, Apple, Outlook) ignore those in feeds.
/// </summary>
public sealed class ActivityCalendar(RapportDb db, TimeProvider clock)
{
    public const string ProductId = "-//Rapport//Rapport CRM//EN";
    public const string MediaType = "text/calendar; charset=utf-8";

    /// <summary>Past meetings older than this are left out of a feed, so it stays small.</summary>
    public static readonly TimeSpan FeedHistory = TimeSpan.FromDays(90);

    private const int FeedMaxItems = 2000;
    private static readonly TimeSpan TaskLength = TimeSpan.FromMinutes(15);

    private sealed record Person(string Name, string? Email);

    public async Task<string> MeetingAsync(Activity meeting, CancellationToken ct)
    {
        var people = await PeopleAsync([meeting], ct);
        var ics = Begin();
        WriteMeeting(ics, meeting, people);
        return ics.Line("END", "VCALENDAR").ToString();
    }

    /// <summary>The user's meetings (as owner or attendee) and open tasks with a due date.</summary>
    public async Task<string> FeedAsync(Guid userId, string calendarName, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - FeedHistory;
        var meetings = await db.Activities.AsNoTracking()
            .Where(a => a.Type == ActivityType.Meeting && a.StartAt >= since
                && (a.OwnerId == userId || a.AttendeeUserIds.Contains(userId)))
            .OrderBy(a => a.StartAt).Take(FeedMaxItems).ToListAsync(ct);
        var tasks = await db.Activities.AsNoTracking()
            .Where(a => a.Type == ActivityType.Task && !a.Done && a.DueAt != null && a.AssigneeId == userId)
            .OrderBy(a => a.DueAt).Take(FeedMaxItems).ToListAsync(ct);
        var people = await PeopleAsync(meetings, ct);
        var ics = Begin()
            .Text("X-WR-CALNAME", calendarName)
            .Text("NAME", calendarName)
            .Line("REFRESH-INTERVAL;VALUE=DURATION", "PT15M")
            .Line("X-PUBLISHED-TTL", "PT15M");
        foreach (var meeting in meetings) WriteMeeting(ics, meeting, people);
        foreach (var task in tasks) WriteTask(ics, task);
        return ics.Line("END", "VCALENDAR").ToString();
    }

    private static IcsWriter Begin() => new IcsWriter()
        .Line("BEGIN", "VCALENDAR")
        .Line("VERSION", "2.0")
        .Line("PRODID", ProductId)
        .Line("CALSCALE", "GREGORIAN")
        .Line("METHOD", "PUBLISH");

    private static void WriteMeeting(IcsWriter ics, Activity meeting, Dictionary<Guid, Person> people)
    {
        Start(ics, meeting)
            .Time("DTSTART", meeting.StartAt!.Value)
            .Time("DTEND", meeting.EndAt!.Value)
            .Text("SUMMARY", meeting.Subject)
            .Text("DESCRIPTION", meeting.Body)
            .Text("LOCATION", meeting.Location)
            .Line("STATUS", "CONFIRMED");
        if (meeting.OwnerId is { } owner && people.TryGetValue(owner, out var organizer) && organizer.Email is not null)
            ics.Line($"ORGANIZER;CN={IcsWriter.Quoted(organizer.Name)}", "mailto:" + organizer.Email);
        foreach (var id in meeting.AttendeeUserIds.Concat(meeting.AttendeeContactIds))
        {
            if (people.TryGetValue(id, out var attendee) && attendee.Email is not null)
                ics.Line($"ATTENDEE;CN={IcsWriter.Quoted(attendee.Name)};ROLE=REQ-PARTICIPANT", "mailto:" + attendee.Email);
        }
        ics.Line("END", "VEVENT");
    }

    private static void WriteTask(IcsWriter ics, Activity task)
    {
        Start(ics, task)
            .Time("DTSTART", task.DueAt!.Value)
            .Time("DTEND", task.DueAt.Value + TaskLength)
            .Text("SUMMARY", "Task: " + task.Subject)
            .Text("DESCRIPTION", task.Body)
            .Line("CATEGORIES", "Task")
            .Line("TRANSP", "TRANSPARENT")
            .Line("PRIORITY", task.Priority switch { TaskPriority.High => "1", TaskPriority.Low => "9", _ => "5" });
        if (task.RemindAt is { } remind)
        {
            ics.Line("BEGIN", "VALARM")
                .Line("ACTION", "DISPLAY")
                .Text("DESCRIPTION", task.Subject)
                .Line("TRIGGER;VALUE=DATE-TIME", IcsWriter.Format(remind))
                .Line("END", "VALARM");
        }
        ics.Line("END", "VEVENT");
    }

    private static IcsWriter Start(IcsWriter ics, Activity activity) => ics
        .Line("BEGIN", "VEVENT")
        .Line("UID", $"{activity.Id}@rapport")
        .Time("DTSTAMP", activity.UpdatedAt)
        .Time("CREATED", activity.CreatedAt)
        .Time("LAST-MODIFIED", activity.UpdatedAt)
        .Line("SEQUENCE", (activity.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Names and emails of everyone the meetings mention (organisers and attendees), in two queries.</summary>
    private async Task<Dictionary<Guid, Person>> PeopleAsync(IReadOnlyCollection<Activity> meetings, CancellationToken ct)
    {
        var userIds = meetings.SelectMany(m => m.AttendeeUserIds).Concat(meetings.Where(m => m.OwnerId != null).Select(m => m.OwnerId!.Value))
            .Distinct().ToList();
        var contactIds = meetings.SelectMany(m => m.AttendeeContactIds).Distinct().ToList();
        var people = new Dictionary<Guid, Person>();
        if (userIds.Count > 0)
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                         .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
                people[u.Id] = new Person(u.DisplayName, u.Email);
        }
        if (contactIds.Count > 0)
        {
            foreach (var c in await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
                         .Select(c => new { c.Id, c.FirstName, c.LastName, c.PrimaryEmail }).ToListAsync(ct))
                people[c.Id] = new Person($"{c.FirstName} {c.LastName}".Trim(), c.PrimaryEmail);
        }
        return people;
    }
}
