using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Segments;

public enum SegmentKind
{
    /// <summary>Members are whatever matches the filter (and q) at the moment they are read.</summary>
    Dynamic,

    /// <summary>Members are the records added to it, one by one or in bulk.</summary>
    Static,
}

/// <summary>
/// A saved audience: a dynamic filter in the list filter language, or a static list of records. Members are always
/// read through the caller's own row scope, so a shared segment shows each user only the records they may read.
/// </summary>
public sealed class Segment : Entity, IOwned
{
    public string Name { get; set; } = "";

    /// <summary>The <see cref="SegmentSources"/> name of the record type, e.g. "contacts".</summary>
    public string ObjectType { get; set; } = "";

    public SegmentKind Kind { get; set; }
    public string? Filter { get; set; }
    public string? Q { get; set; }

    /// <summary>Visible to every user (members still scoped per user); otherwise only to its owner and admins.</summary>
    public bool Shared { get; set; }

    public Guid? OwnerId { get; set; }
}

/// <summary>A record in a static segment. Not audited row by row: adding and removing members is list upkeep.</summary>
public sealed class SegmentMember
{
    public Guid SegmentId { get; set; }
    public Guid RecordId { get; set; }
    public DateTime AddedAt { get; set; }
    public Guid? AddedById { get; set; }
}

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("Segments");
        builder.Property(s => s.Name).HasMaxLength(SegmentInput.MaxNameLength);
        builder.Property(s => s.ObjectType).HasMaxLength(40);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Filter).HasMaxLength(SegmentInput.MaxFilterLength);
        builder.Property(s => s.Q).HasMaxLength(Api.Listing.ListQuery.MaxQueryLength);
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => s.OwnerId);
    }
}

internal sealed class SegmentMemberConfiguration : IEntityTypeConfiguration<SegmentMember>
{
    public void Configure(EntityTypeBuilder<SegmentMember> builder)
    {
        builder.ToTable("SegmentMembers");
        builder.HasKey(m => new { m.SegmentId, m.RecordId });
        builder.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a record leaves its membership rows; members are read through the record table, so they drop out.
        builder.HasIndex(m => m.RecordId);
    }
}
