using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NpgsqlTypes;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Search;
using Rapport.Platform.Search.Global;

namespace Rapport.Platform.Data;

public sealed class PostgresRapportDb(DbContextOptions<PostgresRapportDb> options) : RapportDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var index in SearchIndexes.All)
        {
            // A stored generated tsvector with a GIN index per searchable table ('simple': names and
            // emails are not English prose, so no stemming). Punctuation becomes a space first: the
            // parser would otherwise keep 'ada@globex.example' or 'globex.example' as one token, and a
            // search for 'globex' would miss them (FTS5 on SQLite splits there; both must answer alike).
            var document = string.Join(" || ' ' || ", index.Columns.Select(c => $"coalesce(\"{c}\", '')"));
            var entity = builder.Entity(index.EntityType);
            entity.Property<NpgsqlTsVector>(SearchIndexes.PostgresColumn)
                .HasComputedColumnSql($"to_tsvector('simple', regexp_replace({document}, '[[:punct:]]+', ' ', 'g'))", stored: true);
            entity.HasIndex(SearchIndexes.PostgresColumn).HasMethod("GIN");
        }

        // Custom field values as jsonb: read by key in filters and sorts (CustomFieldSql), stored without
        // re-parsing the text on every read of a row.
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IHasCustomFields).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(entityType.ClrType).Property(nameof(IHasCustomFields.CustomFields)).HasColumnType("jsonb");
        CustomFieldSql.ConfigurePostgres(builder, this.GetService<IRelationalTypeMappingSource>());

        // Typo tolerance for the global search: trigram indexes on the name columns it compares.
        builder.HasPostgresExtension("pg_trgm");
        foreach (var (table, columns) in TypoTolerance.Columns)
        {
            var entity = builder.Entity(SearchIndexes.All.Single(i => i.Table == table).EntityType);
            foreach (var column in columns)
                entity.HasIndex([column], $"IX_{table}_{column}_Trigram").HasMethod("GIN").HasOperators("gin_trgm_ops");
        }
    }
}
