using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Rapport.Platform.Data;

namespace Rapport.Platform.Search;

/// <summary>Restricts a query to records whose searchable columns contain every word of <c>q</c>.</summary>
public static class FullTextSearch
{
    public static IQueryable<T> Matching<T>(this IQueryable<T> query, RapportDb db, string? q) where T : Entity
    {
        var terms = SearchTerms.Split(q);
        if (terms.Count == 0) return query;
        var index = SearchIndexes.For(typeof(T));
        return db.Provider switch
        {
            DatabaseProvider.Sqlite => MatchingSqlite(query, db, index, terms),
            _ => query.Where(e => EF.Property<NpgsqlTsVector>(e, SearchIndexes.PostgresColumn)
                .Matches(EF.Functions.ToTsQuery("simple", SearchTerms.ToTsQuery(terms)))),
        };
    }

    private static IQueryable<T> MatchingSqlite<T>(IQueryable<T> query, RapportDb db, SearchIndex index, IReadOnlyList<string> terms)
        where T : Entity
    {
        // The table name comes from our own registry, never from the request; the match text is a parameter.
#pragma warning disable EF1002
        var hits = db.Set<FtsHit>().FromSqlRaw(
            $"SELECT id AS \"Id\" FROM \"{index.FtsTable}\" WHERE \"{index.FtsTable}\" MATCH {{0}}",
            SearchTerms.ToFts5(terms)).Select(h => h.Id);
#pragma warning restore EF1002
        var entity = Expression.Parameter(typeof(T), "e");
        var contains = Expression.Call(
            typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)],
            hits.Expression, Expression.Property(entity, nameof(Entity.Id)));
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, entity));
    }
}
