using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Notifications;

public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Link, bool Read, DateTime CreatedAt);

public sealed record NotificationPage(IReadOnlyList<NotificationResponse> Data, string? NextCursor, int UnreadCount);

/// <summary>The caller's own notifications and follows; nobody reads or marks another user's.</summary>
public sealed class NotificationService(RapportDb db, CurrentActor actor, RecordAccess access, TimeProvider clock)
{
    public const int DefaultLimit = 20, MaxLimit = 200;

    private Guid Me => actor.UserId ?? throw new ForbiddenException("Only a signed-in user has notifications.");

    private IQueryable<Notification> Mine => db.Notifications.Where(n => n.UserId == Me);

    public Task<int> UnreadCountAsync(CancellationToken ct) => Mine.CountAsync(n => !n.IsRead, ct);

    /// <summary>Unread first, then newest first. The cursor is an offset: a user's inbox is small and only grows at the top.</summary>
    public async Task<NotificationPage> ListAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) throw new BadRequestException($"limit must be between 1 and {MaxLimit}.");
        var skip = 0;
        if (cursor is not null && (!int.TryParse(cursor, out skip) || skip < 0))
            throw new BadRequestException("cursor is not a nextCursor returned by this list.");
        var rows = await Mine.AsNoTracking()
            .OrderBy(n => n.IsRead).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(skip).Take(take + 1)
            .Select(n => new NotificationResponse(n.Id, n.Kind, n.Title, n.Link, n.IsRead, n.CreatedAt))
            .ToListAsync(ct);
        var next = rows.Count > take ? (skip + take).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new NotificationPage(rows.Take(take).ToList(), next, await UnreadCountAsync(ct));
    }

    public async Task<bool> MarkReadAsync(Guid id, CancellationToken ct) =>
        await Mine.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), ct) > 0;

    public Task<int> MarkAllReadAsync(CancellationToken ct) =>
        Mine.Where(n => !n.IsRead).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true), ct);

    public async Task<bool> IsFollowingAsync(Followable followable, Guid recordId, CancellationToken ct) =>
        await db.RecordFollows.AnyAsync(f => f.UserId == Me && f.RecordType == followable.Type && f.RecordId == recordId, ct);

    /// <summary>Follows a record the caller may read (404 otherwise); following twice is the same as once.</summary>
    public async Task FollowAsync(Followable followable, Guid recordId, CancellationToken ct)
    {
        await DemandReadableAsync(followable, recordId, ct);
        if (await IsFollowingAsync(followable, recordId, ct)) return;
        db.RecordFollows.Add(new RecordFollow
        {
            UserId = Me, RecordType = followable.Type, RecordId = recordId, CreatedAt = Timestamps.UtcNow(clock),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second click raced the first: if the follow exists, that is what was asked.
            db.ChangeTracker.Clear();
            if (!await IsFollowingAsync(followable, recordId, ct)) throw;
        }
    }

    public async Task UnfollowAsync(Followable followable, Guid recordId, CancellationToken ct)
    {
        await DemandReadableAsync(followable, recordId, ct);
        await db.RecordFollows.Where(f => f.UserId == Me && f.RecordType == followable.Type && f.RecordId == recordId)
            .ExecuteDeleteAsync(ct);
    }

    private async Task DemandReadableAsync(Followable followable, Guid recordId, CancellationToken ct)
    {
        var readable = followable.Type switch
        {
            "company" => await access.Readable(db.Companies).AnyAsync(c => c.Id == recordId, ct),
            "contact" => await access.Readable(db.Contacts).AnyAsync(c => c.Id == recordId, ct),
            _ => false,
        };
        if (!readable) throw new NotFoundException($"No {followable.Type} with id {recordId} that you can see.");
    }
}
