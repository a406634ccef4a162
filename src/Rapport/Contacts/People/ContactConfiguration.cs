using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Platform.Auth;

namespace Rapport.Contacts.People;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.PrimaryEmail).HasMaxLength(254);
        builder.Property(c => c.PrimaryPhone).HasMaxLength(50);
        builder.Property(c => c.JobTitle).HasMaxLength(150);
        builder.Property(c => c.Street).HasMaxLength(200);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.Region).HasMaxLength(100);
        builder.Property(c => c.PostalCode).HasMaxLength(20);
        builder.Property(c => c.Country).HasMaxLength(100);
        builder.Property(c => c.Source).HasMaxLength(100);
        builder.Property(c => c.Notes).HasMaxLength(10_000);
        builder.Property(c => c.LifecycleStage).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(c => c.FullName);
        // Emails and phones are read and written with the contact, never queried one by one
        // (PrimaryEmail/PrimaryPhone carry what is searched), so one JSON text column each is enough.
        JsonList(builder.Property(c => c.Emails));
        JsonList(builder.Property(c => c.Phones));
        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<RapportUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.LastName, c.FirstName, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.UpdatedAt, c.Id });
        builder.HasIndex(c => c.PrimaryEmail);
        builder.HasIndex(c => c.CompanyId);
        // The usual list views, each in the default name order so a page is an index walk, not a sort of every match:
        // a rep's own contacts (every Sales user's list is scoped to its owner), a lifecycle stage, a country.
        // They also serve plain equality lookups on their first column.
        builder.HasIndex(c => new { c.OwnerId, c.LastName, c.FirstName, c.Id });
        builder.HasIndex(c => new { c.LifecycleStage, c.LastName, c.FirstName, c.Id });
        builder.HasIndex(c => new { c.Country, c.LastName, c.FirstName, c.Id });
        // A segment of one stage in one country (bench/notes.md item 35): with only the indexes above, SQLite walks
        // the country in name order and reads each row to check its stage, about 400 rows for a 50-row page at 1M.
        builder.HasIndex(c => new { c.LifecycleStage, c.Country, c.LastName, c.FirstName, c.Id });
    }

    private static void JsonList<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e)),
                    v => v.ToList()))
            .HasColumnType("text");
}
