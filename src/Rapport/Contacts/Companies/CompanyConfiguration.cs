using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Auth;

namespace Rapport.Contacts.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Domain).HasMaxLength(253);
        builder.Property(c => c.Industry).HasMaxLength(100);
        builder.Property(c => c.AnnualRevenue).HasPrecision(18, 2);
        builder.Property(c => c.AnnualRevenueCurrency).HasMaxLength(3);
        builder.Property(c => c.Street).HasMaxLength(200);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.Region).HasMaxLength(100);
        builder.Property(c => c.PostalCode).HasMaxLength(20);
        builder.Property(c => c.Country).HasMaxLength(100);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.Name, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.UpdatedAt, c.Id });
        builder.HasIndex(c => c.Domain);
        // A rep's own companies in the default name order (every Sales user's list is scoped to its owner).
        builder.HasIndex(c => new { c.OwnerId, c.Name, c.Id });
    }
}
