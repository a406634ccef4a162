using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Platform.Api.Idempotency;

/// <summary>The stored outcome of a POST made with an Idempotency-Key, replayed for retries of the same request.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Owner { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }

    /// <summary>0 while the first request is still running.</summary>
    public int StatusCode { get; set; }

    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.Owner).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.Property(r => r.ETag).HasMaxLength(100);
        builder.HasIndex(r => new { r.Owner, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
