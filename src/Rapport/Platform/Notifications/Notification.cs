using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Auth;

namespace Rapport.Platform.Notifications;

public static class NotificationKinds
{
    public const string Mention = "mention";
    public const string RecordChanged = "recordChanged";
    public const string RecordDeleted = "recordDeleted";
    public const string TaskReminder = "taskReminder";
}

/// <summary>
/// One message in a user's bell. Not an audited <see cref="Data.Entity"/>: it is the user's own inbox, written by the
/// system and only marked read, never edited.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>App path of the record it is about, e.g. /contacts/{id}.</summary>
    public string Link { get; set; } = "";
    /// <summary>Who caused it (the author of the mention or change).</summary>
    public Guid? ActorId { get; set; }
    public bool IsRead { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Title).HasMaxLength(400);
        builder.Property(n => n.Link).HasMaxLength(400);
        // The bell's query: one user's notifications, unread first, newest first.
        builder.HasIndex(n => new { n.UserId, n.IsRead, n.CreatedAt });
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
