using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Email;

public sealed record OutgoingEmailResponse(
    Guid Id, string To, string Subject, string Kind, string Status, int Attempts, DateTime NextAttemptAt,
    string? LastError, DateTime CreatedAt, DateTime? SentAt);

/// <summary>The outbox as admins see it: what is waiting, what went out, what failed and why; and a way to try a failed one again.</summary>
public sealed class OutgoingEmailService(RapportDb db, CurrentActor actor, TimeProvider clock)
{
    public const int MaxLimit = 200;

    private static readonly string[] Statuses = [OutgoingEmailStatus.Pending, OutgoingEmailStatus.Sent, OutgoingEmailStatus.Failed];

    public async Task<IReadOnlyList<OutgoingEmailResponse>> ListAsync(string? status, int? limit, CancellationToken ct)
    {
        DemandAdmin();
        var take = limit ?? 50;
        if (take is < 1 or > MaxLimit) throw new BadRequestException($"limit must be between 1 and {MaxLimit}.");
        if (status is not null && !Statuses.Contains(status))
            throw new BadRequestException($"status must be one of: {string.Join(", ", Statuses)}.");
        var query = db.OutgoingEmails.AsNoTracking();
        if (status is not null) query = query.Where(e => e.Status == status);
        return await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new OutgoingEmailResponse(e.Id, e.ToAddress, e.Subject, e.Kind, e.Status, e.Attempts, e.NextAttemptAt,
                e.LastError, e.CreatedAt, e.SentAt))
            .ToListAsync(ct);
    }

    /// <summary>Puts a failed email back in the queue with a fresh set of attempts (after the SMTP settings are fixed).</summary>
    public async Task RetryAsync(Guid id, CancellationToken ct)
    {
        DemandAdmin();
        var now = Timestamps.UtcNow(clock);
        var retried = await db.OutgoingEmails.Where(e => e.Id == id && e.Status == OutgoingEmailStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutgoingEmailStatus.Pending)
                .SetProperty(e => e.Attempts, 0).SetProperty(e => e.NextAttemptAt, now), ct);
        if (retried == 1) return;
        var status = await db.OutgoingEmails.Where(e => e.Id == id).Select(e => e.Status).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"No outgoing email with id {id}.");
        throw new ConflictException($"Only a failed email can be retried; this one is {status}.");
    }

    private void DemandAdmin()
    {
        if (!actor.IsInRole(Roles.Admin)) throw new ForbiddenException("Only an admin can see the outgoing email queue.");
    }
}
