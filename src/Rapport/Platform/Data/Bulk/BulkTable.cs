using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Platform.Data.Bulk;

/// <summary>
/// A table as the EF model maps it: its name and every column the application writes (not database-generated
/// ones such as PostgreSQL's stored tsvector), each with its model conversion (enums as text, lists as JSON,
/// SQLite decimals as REAL). Reading the model, not a hand-kept column list, keeps bulk rows identical to
/// rows saved through <see cref="RapportDb"/>.
/// </summary>
public sealed class BulkTable
{
    private BulkTable(string name, IReadOnlyList<BulkColumn> columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkTable Of(RapportDb db, Type clrType)
    {
        var entityType = db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.GetComputedColumnSql() is null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate)
            .Select(p => new BulkColumn(p.GetColumnName(table)!, p, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        return new BulkTable(table.Name, columns);
    }
}

/// <summary>One column: where it goes, and how a record's value becomes what the database stores.</summary>
public sealed class BulkColumn(string name, IProperty property, RelationalTypeMapping mapping)
{
    private readonly IClrPropertyGetter getter = property.GetGetter();

    public string Name { get; } = name;

    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>The store type without facets, e.g. "character varying" for "character varying(100)".</summary>
    public string StoreTypeBase { get; } = mapping.StoreTypeNameBase;

    public object? ProviderValue(object entity)
    {
        var value = getter.GetClrValue(entity);
        if (value is null) return null;
        return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
