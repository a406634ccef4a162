using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Platform.Email;

public static class OutgoingEmailStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>Given up after <see cref="EmailOutbox.MaxAttempts"/>; the row keeps the last error for an admin to read.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// One email to send, written in the same transaction as the change that causes it (decision 0015) and sent by
/// <see cref="EmailOutbox"/>. The message is rendered when queued, so what is sent is what was true at that moment.
/// </summary>
public sealed class OutgoingEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    /// <summary>Why it is sent (a <see cref="Notifications.NotificationKinds"/> value for now), for admins reading the queue.</summary>
    public string Kind { get; set; } = "";
    public string Status { get; set; } = OutgoingEmailStatus.Pending;
    /// <summary>Claims so far; also the claim's fencing token (only the latest claimant may record the outcome).</summary>
    public int Attempts { get; set; }
    /// <summary>When a node may next claim it: now for a new row, the backoff after a failure, the lease end while claimed.</summary>
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.Property(e => e.ToAddress).HasMaxLength(256);
        builder.Property(e => e.ToName).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(400);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        // The drain's query: pending rows that are due, oldest first.
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
