using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// PostgreSQL planner statistics on each custom field's value (extended statistics on an expression), so a filter
/// such as <c>customFields.tier eq 'gold'</c> is estimated from the data instead of PostgreSQL's fixed guess of
/// 0.5 % of rows. With the guess, a filtered list sorted by name read and sorted every row's JSON (p95 4.5 s at
/// 100k contacts); with the statistics it walks the name index and stops after a page (bench/notes.md item 18).
/// The expressions are exactly what <see cref="CustomFieldSql"/> generates. SQLite needs none: its planner already
/// walks the name index. Created when a field is defined and, idempotently, at start-up for existing fields.
/// </summary>
public static class CustomFieldStatistics
{
    public static async Task EnsureAsync(RapportDb db, IEnumerable<CustomFieldDefinition> definitions, bool analyze, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres) return;
        var tables = new HashSet<string>();
        foreach (var definition in definitions)
        {
            if (CustomFieldObjects.Find(definition.ObjectType) is not { } owner
                || db.Model.FindEntityType(owner.EntityType) is not { } entity
                || entity.GetTableName() is not { } table
                || Expression(definition, entity.FindProperty(nameof(IHasCustomFields.CustomFields))!.GetColumnName()) is not { } expression)
                continue;
            // Names are checked identifiers (CustomFieldRules.NamePattern) and tables come from the model.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE STATISTICS IF NOT EXISTS \"cf_{definition.ObjectType}_{definition.Name}\" ON ({expression}) FROM \"{table}\"", ct);
#pragma warning restore EF1002
            tables.Add(table);
        }
        if (!analyze) return;
#pragma warning disable EF1002
        foreach (var table in tables) await db.Database.ExecuteSqlRawAsync($"ANALYZE \"{table}\"", ct);
#pragma warning restore EF1002
    }

    private static string? Expression(CustomFieldDefinition definition, string column)
    {
        var value = $"jsonb_extract_path_text(\"{column}\", '{definition.Name}')";
        return definition.Type switch
        {
            CustomFieldType.MultiSelect => null, // filtered by jsonb_exists, which these statistics do not describe
            CustomFieldType.Number or CustomFieldType.Decimal => $"({value})::double precision",
            CustomFieldType.Boolean => $"({value})::boolean",
            _ => $"({value})",
        };
    }
}
