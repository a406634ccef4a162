using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Platform.Auth.ApiKeys;

public static class ApiKeyScope
{
    public const string Read = "read";
    public const string ReadWrite = "read-write";

    public static bool IsValid(string? scope) => scope is Read or ReadWrite;
}

/// <summary>A named key a user created for programs; only its SHA-256 hash is stored.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown so a person can tell keys apart.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }
    public required string Scope { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Scope).HasMaxLength(16);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.UserId);
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
