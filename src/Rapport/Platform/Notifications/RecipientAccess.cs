using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Notifications;

/// <summary>
/// Whether someone other than the actor may read a record, by the same rules as <see cref="RecordAccess"/> and
/// <see cref="ActivityAccess"/>: a notification or email must not tell a person about a record they may not open.
/// </summary>
internal static class RecipientAccess
{
    public static async Task<Reach> ReadReachAsync(RapportDb db, Guid userId, CancellationToken ct) =>
        (await ReadReachesAsync(db, [userId], ct)).GetValueOrDefault(userId, Reach.None);

    /// <summary>The read reach of several users in one query (a record's followers), None for a user without roles.</summary>
    public static async Task<Dictionary<Guid, Reach>> ReadReachesAsync(RapportDb db, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var roles = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Name = r.Name! }).ToListAsync(ct);
        return userIds.ToDictionary(id => id, id => Permissions.ReachOf(new ClaimsPrincipal(new ClaimsIdentity(
            roles.Where(r => r.UserId == id).Select(r => new Claim(ClaimTypes.Role, r.Name)), "recipient")), Operation.Read));
    }

    /// <summary>An owned record (company, contact): all-reading roles see it, own-reading roles when they own it.</summary>
    public static bool CanRead(Reach reach, Guid userId, Guid? ownerId) => reach switch
    {
        Reach.All => true,
        Reach.Own => ownerId == userId,
        _ => false,
    };

    /// <summary>
    /// An activity: all-reading roles see it; an own-reading role when it owns it, is assigned or attends it, or owns
    /// a record it is linked to.
    /// </summary>
    public static async Task<bool> CanReadAsync(RapportDb db, Guid userId, Activity activity, CancellationToken ct)
    {
        switch (await ReadReachAsync(db, userId, ct))
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
}
