using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Platform.Search;

/// <summary>
/// A record's SQLite rowid inside a LINQ query, which EF Core's model does not map: <c>SqliteRowId.Of(e.Id)</c>
/// becomes <c>"e".rowid</c>, the row of the table the Id column is read from. Full-text matches join on it
/// (<see cref="FullTextSearch"/>). Only for a query over the table itself, before any projection or paging.
/// <c>SqliteRowId.Scanned(e.Id)</c> is the same value as <c>"e".rowid + 0</c>, which SQLite cannot look rows up by: a
/// condition on it is checked on each row some other index (the sort order's) reads.
/// </summary>
public static class SqliteRowId
{
    public static long Of(Guid id) => throw new InvalidOperationException("SqliteRowId.Of runs only inside a SQLite query.");

    public static long Scanned(Guid id) => throw new InvalidOperationException("SqliteRowId.Scanned runs only inside a SQLite query.");

    public static void Configure(ModelBuilder builder, IRelationalTypeMappingSource mappings)
    {
        var integer = mappings.FindMapping(typeof(long))!;
        builder.HasDbFunction(typeof(SqliteRowId).GetMethod(nameof(Of))!).HasTranslation(args => RowId(args[0], integer));
        builder.HasDbFunction(typeof(SqliteRowId).GetMethod(nameof(Scanned))!).HasTranslation(args =>
            new SqlBinaryExpression(ExpressionType.Add, RowId(args[0], integer), new SqlConstantExpression(0L, typeof(long), integer),
                typeof(long), integer));
    }

    private static ColumnExpression RowId(SqlExpression id, RelationalTypeMapping integer) =>
        id is ColumnExpression { Name: "Id" } column
            ? new ColumnExpression("rowid", column.TableAlias, typeof(long), integer, nullable: false)
            : throw new InvalidOperationException("SqliteRowId takes the Id column of the table queried.");
}
