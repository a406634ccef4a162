using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Data;

namespace Rapport.Activities.Calendar;

/// <summary>
/// Per-user calendar subscription tokens. A calendar app cannot send an API key, so the URL itself is the
/// secret: 256 random bits, stored only as a SHA-256 hash, replaced by rotating and dropped by revoking.
/// </summary>
public sealed class CalendarFeedService(RapportDb db, TimeProvider clock)
{
    private const string TokenPrefix = "rcf_";

    /// <summary>Creates the user's feed token, replacing any earlier one (which stops working at once).</summary>
    public async Task<(string Token, DateTime CreatedAt)> RotateAsync(Guid userId, CancellationToken ct)
    {
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = Timestamps.UtcNow(clock);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null) db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = ApiKeyService.HashOf(token), CreatedAt = now });
        else
        {
            feed.TokenHash = ApiKeyService.HashOf(token);
            feed.CreatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return (token, now);
    }

    public async Task<bool> RevokeAsync(Guid userId, CancellationToken ct) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The active user a token belongs to, or null for an unknown, replaced or revoked token.</summary>
    public async Task<(Guid Id, string Name)?> OwnerOfAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = ApiKeyService.HashOf(token);
        var user = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash)
            .Join(db.Users.Where(u => u.IsActive), f => f.UserId, u => u.Id, (f, u) => new { u.Id, u.DisplayName })
            .SingleOrDefaultAsync(ct);
        return user is null ? null : (user.Id, user.DisplayName);
    }
}
