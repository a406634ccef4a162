using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Activities;
using Rapport.Platform.Data;

namespace Rapport.Platform.Notifications;

/// <summary>
/// Writes notifications in the same transaction as the change that causes them (docs/decisions/0009): a new
/// @mention in an activity's body notifies the mentioned users, and a change to or deletion of a followed record
/// notifies its followers. The author is never notified of their own work. Runs after <see cref="Audit.AuditInterceptor"/>,
/// which has already dropped updates that changed nothing, so every path that saves (UI, API, merge) is covered.
/// The emails of those who asked for them are queued in the same transaction too (decision 0015).
/// </summary>
public sealed class NotificationInterceptor(TimeProvider clock, NotificationEmails emails) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RapportDb db) await NotifyAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // The app saves asynchronously everywhere; a synchronous save (tools, tests) notifies no one rather than block.
        return result;
    }

    private async Task NotifyAsync(RapportDb db, CancellationToken ct)
    {
        var now = Timestamps.UtcNow(clock);
        var me = db.Actor.UserId;
        var drafts = new List<EmailDraft>();
        await FollowersAsync(db, me, now, drafts, ct);
        await MentionsAsync(db, me, now, drafts, ct);
        db.Set<Notification>().AddRange(drafts.Select(d => d.Notification));
        await emails.QueueAsync(db, drafts, now, ct);
    }

    private static async Task FollowersAsync(RapportDb db, Guid? me, DateTime now, List<EmailDraft> into, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Entity>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Followable: Followables.Of(e.Entity.GetType())))
            .Where(x => x.Followable is not null)
            .ToList();
        if (changed.Count == 0) return;
        var ids = changed.Select(x => x.Entry.Entity.Id).ToList();
        var follows = await db.Set<RecordFollow>().AsNoTracking()
            .Where(f => ids.Contains(f.RecordId) && f.UserId != me)
            .ToListAsync(ct);
        foreach (var (entry, followable) in changed)
        {
            var deleted = entry.State == EntityState.Deleted;
            var title = $"{db.Actor.Name} {(deleted ? "deleted" : "changed")} {followable!.Type} {followable.Title(entry.Entity)}";
            var subject = $"{db.Actor.Name} {(deleted ? "deleted" : "changed")} {Capitalised(followable.Type)} {followable.Title(entry.Entity)}";
            foreach (var follow in follows.Where(f => f.RecordId == entry.Entity.Id && f.RecordType == followable.Type))
            {
                var notification = new Notification
                {
                    UserId = follow.UserId, ActorId = me, CreatedAt = now,
                    Kind = deleted ? NotificationKinds.RecordDeleted : NotificationKinds.RecordChanged,
                    Title = Clip(title),
                    Link = deleted ? $"/{followable.Plural}" : Followables.Link(followable, entry.Entity.Id),
                };
                into.Add(new EmailDraft(notification, subject, null, (entry.Entity as IOwned)?.OwnerId, ReadChecked: false));
            }
        }
    }

    private async Task MentionsAsync(RapportDb db, Guid? me, DateTime now, List<EmailDraft> into, CancellationToken ct)
    {
        var notes = db.ChangeTracker.Entries<Activity>()
            .Where(e => (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(a => a.Body).IsModified))
                && e.Entity.Body?.Contains('@', StringComparison.Ordinal) == true)
            .ToList();
        if (notes.Count == 0) return;
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new Mentions.Candidate(u.Id, u.DisplayName, u.Email)).ToListAsync(ct);
        foreach (var entry in notes)
        {
            var before = entry.State == EntityState.Added ? new HashSet<Guid>() : Mentions.In(entry.Property(a => a.Body).OriginalValue, users);
            var activity = entry.Entity;
            string? subject = null;
            foreach (var user in Mentions.In(activity.Body, users).Except(before).Where(u => u != me))
            {
                // A mention must not tell someone about an activity they may not open (its subject is in the title).
                if (!await RecipientAccess.CanReadAsync(db, user, activity, ct)) continue;
                subject ??= emails.Enabled ? $"{db.Actor.Name} mentioned you on {await RecordLabelAsync(db, activity, ct)}" : "";
                var notification = new Notification
                {
                    UserId = user, ActorId = me, CreatedAt = now, Kind = NotificationKinds.Mention,
                    Title = Clip($"{db.Actor.Name} mentioned you in \"{activity.Subject}\""),
                    Link = LinkOf(activity),
                };
                into.Add(new EmailDraft(notification, subject, activity.Body, activity.OwnerId, ReadChecked: true));
            }
        }
    }

    /// <summary>"Contact Jane Doe", "Company Globex", or the activity itself when it is linked to no record.</summary>
    private static async Task<string> RecordLabelAsync(RapportDb db, Activity activity, CancellationToken ct)
    {
        var link = activity.Links.FirstOrDefault();
        var name = link?.Type switch
        {
            LinkedRecordType.Contact => await db.Contacts.Where(c => c.Id == link.Id)
                .Select(c => (c.FirstName + " " + c.LastName).Trim()).FirstOrDefaultAsync(ct),
            LinkedRecordType.Company => await db.Companies.Where(c => c.Id == link.Id).Select(c => c.Name).FirstOrDefaultAsync(ct),
            _ => null,
        };
        return link is not null && name is not null
            ? $"{Capitalised(link.Type.ToString())} {name}"
            : $"{activity.Type} \"{activity.Subject}\"";
    }

    internal static string LinkOf(Activity activity) => activity.Links.FirstOrDefault() is { } link
        ? $"/{(link.Type == LinkedRecordType.Contact ? "contacts" : "companies")}/{link.Id}"
        : "/activities";

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Clip(string text) => text.Length <= 400 ? text : text[..399] + "…";
}
