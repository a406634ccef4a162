using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Platform.Search;

/// <summary>
/// A record's SQLite rowid inside a LINQ query, which EF Core's model does not map: <c>SqliteRowId.Of(e.Id)</c>
/// becomes <c>"e".rowid</c>, the row of the table the Id column is read from. Full-text matches join on it
/// (<see cref="FullTextSearch"/>). Only for a query over the table itself, before any projection or paging.
/// </summary>
public static class SqliteRowId
{
    public static long Of(Guid id) => throw new InvalidOperationException("SqliteRowId.Of runs only inside a SQLite query.");

    public static void Configure(ModelBuilder builder, IRelationalTypeMappingSource mappings)
    {
        var integer = mappings.FindMapping(typeof(long))!;
        builder.HasDbFunction(typeof(SqliteRowId).GetMethod(nameof(Of))!).HasTranslation(args =>
            args[0] is ColumnExpression { Name: "Id" } column
                ? new ColumnExpression("rowid", column.TableAlias, typeof(long), integer, nullable: false)
                : throw new InvalidOperationException("SqliteRowId.Of takes the Id column of the table queried."));
    }
}
