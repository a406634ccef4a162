using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Platform.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change to one record: who, when, and each field's old and new value.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string EntityType { get; set; }
    public Guid EntityId { get; set; }
    public AuditAction Action { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Via { get; set; }

    /// <summary>JSON array of <see cref="FieldChange"/>.</summary>
    public required string Changes { get; set; }
}

public sealed record FieldChange(string Field, string? Old, string? New);

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Via).HasMaxLength(32);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.At });
    }
}
