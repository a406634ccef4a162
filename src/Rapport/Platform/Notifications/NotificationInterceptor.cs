using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Activities;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Notifications;

/// <summary>
/// Writes notifications in the same transaction as the change that causes them (docs/decisions/0008): a new
/// @mention in an activity's body notifies the mentioned users, and a change to or deletion of a followed record
/// notifies its followers. The author is never notified of their own work. Runs after <see cref="Audit.AuditInterceptor"/>,
/// which has already dropped updates that changed nothing, so every path that saves (UI, API, merge) is covered.
/// </summary>
public sealed class NotificationInterceptor(TimeProvider clock) : SaveChangesInterceptor
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
        var notifications = new List<Notification>();
        await FollowersAsync(db, me, now, notifications, ct);
        await MentionsAsync(db, me, now, notifications, ct);
        db.Set<Notification>().AddRange(notifications);
    }

    private static async Task FollowersAsync(RapportDb db, Guid? me, DateTime now, List<Notification> into, CancellationToken ct)
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
            foreach (var follow in follows.Where(f => f.RecordId == entry.Entity.Id && f.RecordType == followable.Type))
            {
                into.Add(new Notification
                {
                    UserId = follow.UserId, ActorId = me, CreatedAt = now,
                    Kind = deleted ? NotificationKinds.RecordDeleted : NotificationKinds.RecordChanged,
                    Title = Clip(title),
                    Link = deleted ? $"/{followable.Plural}" : Followables.Link(followable, entry.Entity.Id),
                });
            }
        }
    }

    private static async Task MentionsAsync(RapportDb db, Guid? me, DateTime now, List<Notification> into, CancellationToken ct)
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
            foreach (var user in Mentions.In(activity.Body, users).Except(before).Where(u => u != me))
            {
                // A mention must not tell someone about an activity they may not open (its subject is in the title).
                if (!await CanReadAsync(db, user, activity, ct)) continue;
                into.Add(new Notification
                {
                    UserId = user, ActorId = me, CreatedAt = now, Kind = NotificationKinds.Mention,
                    Title = Clip($"{db.Actor.Name} mentioned you in \"{activity.Subject}\""),
                    Link = LinkOf(activity),
                });
            }
        }
    }

    /// <summary>
    /// Whether the user may read the activity, by the rules of <see cref="ActivityAccess"/>: roles that read all
    /// records see it; a role that reads its own sees it when it owns it, is assigned or attends it, or owns a
    /// record it is linked to.
    /// </summary>
    private static async Task<bool> CanReadAsync(RapportDb db, Guid userId, Activity activity, CancellationToken ct)
    {
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            roles.Select(r => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, r)), "mention"));
        switch (Permissions.ReachOf(principal, Operation.Read))
        {
            case Reach.All:
                return true;
            case Reach.Own:
                if (activity.OwnerId == userId || activity.AssigneeId == userId || activity.AttendeeUserIds.Contains(userId)) return true;
                var contacts = activity.Links.Where(l => l.Type == LinkedRecordType.Contact).Select(l => l.Id).ToList();
                var companies = activity.Links.Where(l => l.Type == LinkedRecordType.Company).Select(l => l.Id).ToList();
                return await db.Contacts.AnyAsync(c => contacts.Contains(c.Id) && c.OwnerId == userId, ct)
                    || await db.Companies.AnyAsync(c => companies.Contains(c.Id) && c.OwnerId == userId, ct);
            default:
                return false;
        }
    }

    internal static string LinkOf(Activity activity) => activity.Links.FirstOrDefault() is { } link
        ? $"/{(link.Type == LinkedRecordType.Contact ? "contacts" : "companies")}/{link.Id}"
        : "/activities";

    private static string Clip(string text) => text.Length <= 400 ? text : text[..399] + "…";
}
