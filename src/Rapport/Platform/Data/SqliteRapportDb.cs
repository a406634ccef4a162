using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Search;

namespace Rapport.Platform.Data;

public sealed class SqliteRapportDb(DbContextOptions<SqliteRapportDb> options) : RapportDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no decimal type that sorts or compares in SQL; REAL keeps 15 significant digits,
        // which is why money amounts are range-checked at the API.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
        // SQLite returns DateTime with Kind=Unspecified; every timestamp we store is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Case-insensitive ordering and equality for names, as a person expects in a list.
        foreach (var index in SearchIndexes.All)
        {
            foreach (var column in index.SortableTextColumns)
            {
                builder.Entity(index.EntityType).Property(column).UseCollation("NOCASE");
            }
        }
        CustomFieldSql.ConfigureSqlite(builder, this.GetService<IRelationalTypeMappingSource>());
        SqliteRowId.Configure(builder, this.GetService<IRelationalTypeMappingSource>());
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
