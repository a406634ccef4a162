using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Platform.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.RecordType).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.FileName).HasMaxLength(DocumentRules.MaxFileNameLength);
        builder.Property(d => d.ContentType).HasMaxLength(128);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StorageName).HasMaxLength(64);
        builder.HasIndex(d => d.StorageName).IsUnique();
        // A record's documents, and a document's versions.
        builder.HasIndex(d => new { d.RecordType, d.RecordId });
        builder.HasIndex(d => new { d.SeriesId, d.VersionNumber }).IsUnique();
    }
}
