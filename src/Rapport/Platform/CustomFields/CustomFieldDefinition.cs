using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Data;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// A field an admin added to a record type. Its values live in the record's own <c>CustomFields</c> JSON column
/// under <see cref="Name"/>; archiving hides the field from forms but never touches those values.
/// </summary>
public sealed class CustomFieldDefinition : Entity
{
    /// <summary>The record type it belongs to: a key of <see cref="CustomFieldObjects"/> ("contact", "company").</summary>
    public string ObjectType { get; set; } = "";

    /// <summary>The key in the API's <c>customFields</c> object and in filters; never changes.</summary>
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";
    public CustomFieldType Type { get; set; }
    public bool Required { get; set; }

    /// <summary>The value a new record gets when none is given, as stored JSON (<c>"gold"</c>, <c>5</c>, <c>true</c>).</summary>
    public string? DefaultValue { get; set; }

    public string? HelpText { get; set; }
    public List<string> Options { get; set; } = [];
    public bool Archived { get; set; }
    public int Position { get; set; }
}

internal sealed class CustomFieldDefinitionConfiguration : IEntityTypeConfiguration<CustomFieldDefinition>
{
    public void Configure(EntityTypeBuilder<CustomFieldDefinition> builder)
    {
        builder.ToTable("CustomFieldDefinitions");
        builder.Property(f => f.ObjectType).HasMaxLength(32);
        builder.Property(f => f.Name).HasMaxLength(50);
        builder.Property(f => f.Label).HasMaxLength(100);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.DefaultValue).HasMaxLength(4000);
        builder.Property(f => f.HelpText).HasMaxLength(500);
        builder.Property(f => f.Options).HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, CustomFieldJson.Options),
                v => System.Text.Json.JsonSerializer.Deserialize<List<string>>(v, CustomFieldJson.Options) ?? new List<string>(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e)), v => v.ToList()))
            .HasColumnType("text");
        builder.HasIndex(f => new { f.ObjectType, f.Name }).IsUnique();
    }
}
