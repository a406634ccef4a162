using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Auth;

namespace Rapport.Platform.Notifications;

/// <summary>A user following a record: they are notified when someone else changes or deletes it.</summary>
public sealed class RecordFollow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>The <see cref="Followables"/> type name, e.g. "contact".</summary>
    public string RecordType { get; set; } = "";
    public Guid RecordId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class RecordFollowConfiguration : IEntityTypeConfiguration<RecordFollow>
{
    public void Configure(EntityTypeBuilder<RecordFollow> builder)
    {
        builder.Property(f => f.RecordType).HasMaxLength(40);
        builder.HasIndex(f => new { f.RecordType, f.RecordId, f.UserId }).IsUnique();
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
