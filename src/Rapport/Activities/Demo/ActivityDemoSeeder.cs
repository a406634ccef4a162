using Bogus;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Activities.Demo;

/// <summary>
/// Gives the demo contacts a believable history: notes, calls, emails, past and upcoming meetings, open,
/// overdue and finished tasks, so timelines, "my tasks" and calendar feeds have something to show.
/// The content comes from a fixed seed; the dates are relative to today, so the demo never looks stale.
/// </summary>
public sealed class ActivityDemoSeeder(RapportDb db, TimeProvider clock, ILogger<ActivityDemoSeeder> logger)
{
    public const int ContactsWithHistory = 150;

    private static readonly string[] Topics = ["pricing", "the renewal", "onboarding", "the pilot", "integrations", "support hours", "the roadmap"];
    private static readonly string[] Outcomes = ["Left voicemail", "Interested", "Call back next week", "Not now", "Booked a demo"];
    private static readonly string[] EmailSubjects = ["Re: pricing", "Follow-up: demo", "Introduction", "Contract draft", "Quick question"];
    private static readonly string[] Locations = ["Video call", "Their office", "Our office, room 2", "Café downtown"];

    private sealed record Person(Guid Id, Guid? CompanyId, Guid? OwnerId, string FirstName, string? Email);

    /// <summary>
    /// Seeds a history for the first demo contacts, once: nothing happens if any activity exists. Some tasks go
    /// to the first admin, the person exploring the demo, so their "My tasks" is not empty.
    /// </summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Activities.AnyAsync(ct)) return 0;
        var ids = await db.Contacts.AsNoTracking().OrderBy(c => c.Id).Take(ContactsWithHistory).Select(c => c.Id).ToListAsync(ct);
        var admin = await (from user in db.Users
                           join link in db.UserRoles on user.Id equals link.UserId
                           join role in db.Roles on link.RoleId equals role.Id
                           where role.Name == Roles.Admin && user.IsActive
                           orderby user.CreatedAt
                           select (Guid?)user.Id).FirstOrDefaultAsync(ct);
        return await SeedAsync(ids, admin, ct);
    }

    public async Task<int> SeedAsync(IReadOnlyCollection<Guid> contactIds, Guid? explorer, CancellationToken ct)
    {
        var people = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new Person(c.Id, c.CompanyId, c.OwnerId, c.FirstName, c.PrimaryEmail)).ToListAsync(ct);
        var faker = new Faker("en") { Random = new Randomizer(20261201) };
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var activities = people.SelectMany(p => Enumerable.Range(0, faker.Random.Int(1, 4)).Select(_ => New(faker, p, explorer, today))).ToList();
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo activities", activities.Count);
        return activities.Count;
    }

    private static Activity New(Faker f, Person p, Guid? explorer, DateTime today)
    {
        var type = f.Random.WeightedRandom(
            [ActivityType.Note, ActivityType.Call, ActivityType.Email, ActivityType.Meeting, ActivityType.Task],
            [0.25f, 0.25f, 0.2f, 0.15f, 0.15f]);
        var topic = f.PickRandom(Topics);
        var activity = new Activity
        {
            Type = type,
            Channel = ActivityRules.DefaultChannel(type),
            OwnerId = p.OwnerId,
            OccurredAt = today.AddHours(-f.Random.Int(1, 90 * 24)),
        };
        List<RecordLink> links = [new(LinkedRecordType.Contact, p.Id)];
        if (p.CompanyId is { } company && f.Random.Bool(0.3f)) links.Add(new(LinkedRecordType.Company, company));
        ActivityRules.SetLinks(activity, links);
        switch (type)
        {
            case ActivityType.Note:
                activity.Body = $"Spoke with {p.FirstName} about **{topic}**.\n\n- {f.Lorem.Sentence(8)}\n- {f.Lorem.Sentence(6)}";
                break;
            case ActivityType.Call:
                activity.Subject = $"Call with {p.FirstName} about {topic}";
                activity.Direction = f.PickRandom<ActivityDirection>();
                activity.DurationSeconds = f.Random.Int(1, 40) * 60;
                activity.Outcome = f.PickRandom(Outcomes);
                break;
            case ActivityType.Email:
                activity.Subject = f.PickRandom(EmailSubjects);
                activity.Body = $"Hi {p.FirstName},\n\n{f.Lorem.Paragraph(3)}\n\nBest regards";
                activity.Direction = f.PickRandom<ActivityDirection>();
                var ours = "sales@demo.rapport.local";
                var theirs = p.Email ?? "unknown@example.com";
                activity.EmailFrom = activity.Direction == ActivityDirection.Inbound ? theirs : ours;
                activity.EmailTo = [activity.Direction == ActivityDirection.Inbound ? ours : theirs];
                break;
            case ActivityType.Meeting:
                var start = today.AddDays(f.Random.Int(-60, 30)).AddHours(f.Random.Int(9, 16));
                activity.Subject = $"{f.PickRandom("Demo", "Review", "Workshop", "Check-in")}: {topic}";
                activity.StartAt = start;
                activity.EndAt = start.AddMinutes(f.PickRandom(30, 60, 90));
                activity.OccurredAt = start;
                activity.Location = f.PickRandom(Locations);
                activity.AttendeeContactIds = [p.Id];
                if (p.OwnerId is { } owner) activity.AttendeeUserIds = [owner];
                break;
            case ActivityType.Task:
                var due = today.AddDays(f.Random.Int(-10, 20)).AddHours(f.Random.Int(9, 17));
                activity.Subject = f.PickRandom($"Send proposal to {p.FirstName}", $"Follow up with {p.FirstName}", $"Prepare {topic} notes");
                activity.DueAt = due;
                activity.AssigneeId = explorer is not null && f.Random.Bool(0.4f) ? explorer : p.OwnerId;
                activity.Priority = f.PickRandom<TaskPriority>();
                activity.Done = due < today && f.Random.Bool(0.5f);
                activity.DoneAt = activity.Done ? due : null;
                activity.RemindAt = f.Random.Bool(0.3f) ? due.AddHours(-1) : null;
                break;
        }
        return activity;
    }
}
