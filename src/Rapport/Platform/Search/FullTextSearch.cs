using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Rapport.Platform.Data;

namespace Rapport.Platform.Search;

/// <summary>Restricts a query to records whose searchable columns contain every word of <c>q</c>.</summary>
public static class FullTextSearch
{
    /// <summary>
    /// Every word typed, each matching the start of a word (what a search box wants). With <paramref name="scanned"/>,
    /// SQLite checks the matches on the rows another index reads (the sort order's, for a broad search:
    /// <see cref="Api.Listing.SortMatches"/>) instead of reading every match first.
    /// </summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> query, RapportDb db, string? q, bool scanned = false) where T : Entity =>
        query.Matching(db, SearchTerms.Split(q), wholeWords: false, scanned: scanned);

    /// <summary>
    /// Every one of <paramref name="terms"/>, as whole words or as word prefixes. With <paramref name="firstMatches"/>,
    /// SQLite considers only that many full-text matches (before any other filter): reading each match's record id
    /// costs a page read, 17,000 of them 50–90 ms for one prefix over 500,000 activities.
    /// </summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> query, RapportDb db, IReadOnlyList<string> terms, bool wholeWords,
        int? firstMatches = null, bool scanned = false)
        where T : Entity
    {
        if (terms.Count == 0) return query;
        var index = SearchIndexes.For(typeof(T));
        return db.Provider switch
        {
            DatabaseProvider.Sqlite => MatchingSqlite(query, db, index, SearchTerms.ToFts5(terms, wholeWords), firstMatches, scanned),
            _ => MatchingPostgres(query, terms, wholeWords),
        };
    }

    private static IQueryable<T> MatchingPostgres<T>(IQueryable<T> query, IReadOnlyList<string> terms, bool wholeWords) where T : Entity
    {
        var (indexed, rechecked) = SearchTerms.ToTsQueries(terms, wholeWords);
        query = query.Where(e => EF.Property<NpgsqlTsVector>(e, SearchIndexes.PostgresColumn)
            .Matches(EF.Functions.ToTsQuery("simple", indexed)));
        if (rechecked is null) return query;
        // `SearchVector || ''` is not the indexed expression, so PostgreSQL checks the short prefixes on the rows the
        // index found for the other words instead of building their postings (SearchTerms.ToTsQueries).
        return query.Where(e => EF.Property<NpgsqlTsVector>(e, SearchIndexes.PostgresColumn).Concat(EF.Functions.ToTsVector("simple", ""))
            .Matches(EF.Functions.ToTsQuery("simple", rechecked)));
    }

    private static IQueryable<T> MatchingSqlite<T>(IQueryable<T> query, RapportDb db, SearchIndex index, string match, int? firstMatches,
        bool scanned)
        where T : Entity
    {
        var limit = firstMatches is { } n ? $" LIMIT {n.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";
        // The table name comes from our own registry, never from the request; the match text is a parameter.
        // An FTS5 row shares its record's rowid (SqliteFtsSetup), so matches join by rowid: reading each match's
        // stored record id and finding the record by it cost two more lookups per match, 1.9 ms instead of 0.4 ms
        // for the 254 contacts named Harber at 100k (bench/notes.md item 28).
#pragma warning disable EF1002
        var rowids = db.Database.SqlQueryRaw<long>(
            $"SELECT rowid AS \"Value\" FROM \"{index.FtsTable}\" WHERE \"{index.FtsTable}\" MATCH {{0}}{limit}", match);
#pragma warning restore EF1002
        return scanned
            ? query.Where(e => rowids.Contains(SqliteRowId.Scanned(e.Id)))
            : query.Where(e => rowids.Contains(SqliteRowId.Of(e.Id)));
    }
}
