using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Email;

/// <summary>
/// Sends the queued emails that are due (decision 0015). Each row is claimed with one conditional update before it
/// is sent: the claim pushes its next attempt past a lease and bumps its attempt count, so with several app nodes
/// draining the same table, only one of them sends a given row. A failure schedules the next attempt with
/// exponential backoff; after <see cref="MaxAttempts"/> the row is marked failed and keeps its last error.
/// </summary>
public sealed class EmailOutbox(RapportDb db, EmailSender sender, TimeProvider clock, ILogger<EmailOutbox> log)
{
    public const int MaxAttempts = 8;

    /// <summary>How long a claim keeps other nodes off a row; far longer than one send may take (SMTP timeout).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int BatchSize = 50;

    /// <summary>1, 2, 4 ... minutes after the 1st, 2nd, 3rd failure: about four hours in all before giving up.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Pow(2, Math.Clamp(attempts - 1, 0, 10)));

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (!sender.Options.Enabled) return 0;
        var now = Timestamps.UtcNow(clock);
        var due = await db.OutgoingEmails.AsNoTracking()
            .Where(e => e.Status == OutgoingEmailStatus.Pending && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).Take(BatchSize)
            .ToListAsync(ct);
        EmailConnection? connection = null;
        var sent = 0;
        try
        {
            foreach (var email in due)
            {
                if (!await ClaimAsync(email, ct)) continue; // another node has it, or sent it already
                try
                {
                    connection ??= await sender.ConnectAsync(ct);
                    await connection.SendAsync(email, ct);
                }
                catch (Exception failure) when (!ct.IsCancellationRequested)
                {
                    await FailedAsync(email, failure, ct);
                    // A refused recipient spoils only its own row; a lost or refused connection would fail the rest too.
                    if (failure is SmtpCommandException && connection?.IsConnected == true) continue;
                    break;
                }
                await SentAsync(email);
                sent++;
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
        return sent;
    }

    /// <summary>Takes the row for this node; <paramref name="email"/>.Attempts becomes this claim's token.</summary>
    private async Task<bool> ClaimAsync(OutgoingEmail email, CancellationToken ct)
    {
        var now = Timestamps.UtcNow(clock);
        var seen = email.Attempts;
        var claimed = await db.OutgoingEmails
            .Where(e => e.Id == email.Id && e.Status == OutgoingEmailStatus.Pending && e.Attempts == seen && e.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, seen + 1).SetProperty(e => e.NextAttemptAt, now + Lease), ct);
        email.Attempts = seen + 1;
        return claimed == 1;
    }

    /// <summary>Not cancellable: the server has taken the message, and forgetting that would send it again.</summary>
    private Task<int> SentAsync(OutgoingEmail email)
    {
        var now = Timestamps.UtcNow(clock);
        return Mine(email).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, OutgoingEmailStatus.Sent)
            .SetProperty(e => e.SentAt, now)
            .SetProperty(e => e.LastError, (string?)null), CancellationToken.None);
    }

    private async Task FailedAsync(OutgoingEmail email, Exception failure, CancellationToken ct)
    {
        var now = Timestamps.UtcNow(clock);
        var error = Describe(failure);
        var givingUp = email.Attempts >= MaxAttempts;
        if (givingUp)
            log.LogError(failure, "Gave up sending email {Id} after {Attempts} attempts", email.Id, email.Attempts);
        else
            log.LogWarning(failure, "Sending email {Id} failed (attempt {Attempts}); trying again later", email.Id, email.Attempts);
        await Mine(email).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, givingUp ? OutgoingEmailStatus.Failed : OutgoingEmailStatus.Pending)
            .SetProperty(e => e.NextAttemptAt, now + Backoff(email.Attempts))
            .SetProperty(e => e.LastError, error), ct);
    }

    /// <summary>The row as this node claimed it: a node whose lease ran out must not overwrite the next claimant's outcome.</summary>
    private IQueryable<OutgoingEmail> Mine(OutgoingEmail email) =>
        db.OutgoingEmails.Where(e => e.Id == email.Id && e.Attempts == email.Attempts && e.Status == OutgoingEmailStatus.Pending);

    private static string Describe(Exception failure)
    {
        var text = $"{failure.GetType().Name}: {failure.Message}";
        return text.Length <= 2000 ? text : text[..1999] + "…";
    }
}
