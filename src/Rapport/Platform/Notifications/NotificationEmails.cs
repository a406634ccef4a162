using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Platform.Data;
using Rapport.Platform.Email;
using Rapport.Platform.Hosting;

namespace Rapport.Platform.Notifications;

/// <summary>
/// A notification that may also go out by email, and what the email says beyond the bell's title. Mentions are
/// checked for read access before they become notifications; a follower's access is checked here against the
/// record's owner, since a record can move out of a follower's reach after they followed it.
/// </summary>
internal sealed record EmailDraft(Notification Notification, string Subject, string? Excerpt, Guid? RecordOwnerId, bool ReadChecked);

/// <summary>
/// Queues the emails of new notifications in the saving transaction (decision 0015): for each recipient who asked for
/// that kind by email (<see cref="NotificationSettings"/>), is active and has an address. Nothing when email is off.
/// </summary>
public sealed class NotificationEmails(IOptions<SmtpOptions> smtp, IOptions<RapportOptions> rapport)
{
    public bool Enabled => smtp.Value.Enabled;

    internal async Task QueueAsync(RapportDb db, IReadOnlyList<EmailDraft> drafts, DateTime now, CancellationToken ct)
    {
        if (!Enabled || drafts.Count == 0) return;
        var userIds = drafts.Select(d => d.Notification.UserId).Distinct().ToList();
        var settings = await db.NotificationSettings.AsNoTracking()
            .Where(s => userIds.Contains(s.UserId) && (s.EmailOnMention || s.EmailOnFollowedChange))
            .ToDictionaryAsync(s => s.UserId, ct);
        var wanted = drafts.Where(d => settings.TryGetValue(d.Notification.UserId, out var s) && s.WantsEmail(d.Notification.Kind)).ToList();
        if (wanted.Count == 0) return;
        var recipients = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => (Name: u.DisplayName, Address: u.Email!), ct);
        var toCheck = wanted.Where(d => !d.ReadChecked).Select(d => d.Notification.UserId).Distinct().ToList();
        var reaches = toCheck.Count == 0 ? new Dictionary<Guid, Rapport.Platform.Auth.Reach>() : await RecipientAccess.ReadReachesAsync(db, toCheck, ct);
        foreach (var draft in wanted)
        {
            var userId = draft.Notification.UserId;
            if (!recipients.TryGetValue(userId, out var to)) continue;
            if (!draft.ReadChecked && !RecipientAccess.CanRead(reaches[userId], userId, draft.RecordOwnerId)) continue;
            db.OutgoingEmails.Add(NotificationEmail.Compose(to.Name, to.Address, draft, PublicUrl, now));
        }
    }

    private string PublicUrl => (rapport.Value.PublicUrl ?? "").TrimEnd('/');
}
