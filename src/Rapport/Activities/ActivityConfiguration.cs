using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Auth;

namespace Rapport.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Subject).HasMaxLength(ActivityLimits.Subject);
        builder.Property(a => a.Body).HasMaxLength(ActivityLimits.Body);
        builder.Property(a => a.Outcome).HasMaxLength(ActivityLimits.Outcome);
        builder.Property(a => a.Location).HasMaxLength(ActivityLimits.Location);
        builder.Property(a => a.EmailFrom).HasMaxLength(ActivityLimits.Address);
        // Links are read and written with the activity; the LinkRows table carries what is queried.
        builder.Property(a => a.Links).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<RecordLink>>(v, Json) ?? new List<RecordLink>(),
                new ValueComparer<List<RecordLink>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e)),
                    v => v.ToList()))
            .HasColumnType("text");
        builder.HasMany(a => a.LinkRows).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(a => a.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.AssigneeId, a.Done, a.DueAt });
        builder.HasIndex(a => new { a.Type, a.StartAt });
        builder.HasIndex(a => a.OwnerId);
        // The reminder sweep: tasks whose reminder time has come and not been sent.
        builder.HasIndex(a => new { a.RemindAt, a.ReminderSentAt });
    }
}

internal sealed class ActivityLinkConfiguration : IEntityTypeConfiguration<ActivityLink>
{
    public void Configure(EntityTypeBuilder<ActivityLink> builder)
    {
        builder.HasKey(l => new { l.ActivityId, l.RecordType, l.RecordId });
        builder.Property(l => l.RecordType).HasConversion<string>().HasMaxLength(16);
        // A record's timeline: every activity linked to it.
        builder.HasIndex(l => new { l.RecordType, l.RecordId });
    }
}
