using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Contacts.Import;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("Imports");
        builder.Property(j => j.FileName).HasMaxLength(255);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        // Jobs from before company imports existed were all contact imports.
        builder.Property(j => j.RecordType).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ImportRecordType.Contacts);
        builder.Property(j => j.Strategy).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Encoding).HasMaxLength(20);
        builder.Property(j => j.Failure).HasMaxLength(1000);
        builder.HasIndex(j => new { j.CreatedById, j.CreatedAt });
        builder.HasIndex(j => j.Status);
    }
}

internal sealed class ImportErrorConfiguration : IEntityTypeConfiguration<ImportError>
{
    public void Configure(EntityTypeBuilder<ImportError> builder)
    {
        builder.ToTable("ImportErrors");
        builder.Property(e => e.Column).HasMaxLength(200);
        builder.Property(e => e.Message).HasMaxLength(1000);
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.ImportJobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ImportJobId, e.Row });
    }
}
