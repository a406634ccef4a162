using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Data;

namespace Rapport.Platform.Tags;

/// <summary>
/// A tag in the catalogue: its spelling and colour. Records carry tags as a list of names (filtered with
/// <c>tags has 'vip'</c>); the catalogue gives each name one spelling, a colour and autocomplete. A name used on a
/// record for the first time is added by <see cref="TagInterceptor"/>.
/// </summary>
public sealed class Tag : Entity
{
    public string Name { get; set; } = "";

    /// <summary>The name in lower case: unique, so "VIP" and "vip" are one tag.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>#rrggbb, lower case.</summary>
    public string Color { get; set; } = TagNames.DefaultColor;
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("Tags");
        builder.Property(t => t.Name).HasMaxLength(TagNames.MaxLength);
        builder.Property(t => t.NormalizedName).HasMaxLength(TagNames.MaxLength);
        builder.Property(t => t.Color).HasMaxLength(7);
        builder.HasIndex(t => t.NormalizedName).IsUnique();
    }
}
