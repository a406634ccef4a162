using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Auth;

namespace Rapport.Platform.Notifications;

/// <summary>
/// What a user wants besides the bell. A user without a row has the defaults: every email off, so nobody gets mail
/// they did not ask for.
/// </summary>
public sealed class NotificationSettings
{
    public Guid UserId { get; set; }
    public bool EmailOnMention { get; set; }
    public bool EmailOnFollowedChange { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether this kind of notification should also go out by email.</summary>
    public bool WantsEmail(string kind) => kind switch
    {
        NotificationKinds.Mention => EmailOnMention,
        NotificationKinds.RecordChanged or NotificationKinds.RecordDeleted => EmailOnFollowedChange,
        _ => false,
    };
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<RapportUser>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
