using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;
using Rapport.Platform.Search;

namespace Rapport.Platform.Api.Listing;

/// <summary>
/// How a full-text <c>q</c> page is read: every match fetched and sorted, or the sort order's index walked with each
/// row checked against the matches until the page is full. Which is faster depends on how many records match.
/// PostgreSQL, asked for "matches of hudson:*, by name, first 51", walks the name index, betting that matches are
/// spread evenly through the alphabet. Searched names are not: every Hudson sits under H, so at 1M contacts that walk
/// read 40,000 rows (480 ms) for one page, where fetching the 3,535 matches and sorting them takes 20 ms (bench/notes.md
/// item 22). SQLite does the opposite: it always fetches every match and sorts them, and "west" (32,000 matches at
/// 400k contacts, streets and towns all through the alphabet) took 68 ms where the walk takes 9 ms; "w" 300 ms against
/// 21 ms (item 34). So a search expected to match at most <see cref="Cap"/> records sorts its matches, and a broader
/// one walks the sort order, on both.
/// </summary>
public static class SortMatches
{
    /// <summary>Matches fetched and sorted in full (about 2–4 µs each).</summary>
    public const int Cap = 10_000;

    /// <summary>Whether the request is a full-text search.</summary>
    public static bool Searches(ListRequest request) => SearchTerms.Split(request.Q).Count > 0;

    /// <summary>
    /// Whether <paramref name="request"/>'s <c>q</c> matches at most <see cref="Cap"/> records; null when it does not
    /// search. PostgreSQL answers from the planner's estimate (from the search vector's statistics, close for names:
    /// 2,800 for 3,535 Hudsons), which costs a plan, not a scan: counting the matches would build the bitmap the walk
    /// avoids. SQLite counts them in the full-text index, stopping past the cap: its prefix indexes make that about
    /// 2 ms for 10,000 matches.
    /// </summary>
    public static async Task<bool?> FewAsync<T>(RapportDb db, ListRequest request, CancellationToken ct) where T : Entity
    {
        var terms = SearchTerms.Split(request.Q);
        if (terms.Count == 0) return null;
        var index = SearchIndexes.For(typeof(T));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var words = command.CreateParameter();
            words.ParameterName = "q";
            command.Parameters.Add(words);
            // The table and column come from SearchIndexes, never from the request; the words are a parameter.
#pragma warning disable CA2100
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                command.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM \"{index.FtsTable}\" WHERE \"{index.FtsTable}\" MATCH @q " +
                                      $"LIMIT {(Cap + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)})";
                words.Value = SearchTerms.ToFts5(terms);
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) <= Cap;
            }
            command.CommandText = $"EXPLAIN (FORMAT JSON) SELECT 1 FROM \"{index.Table}\" " +
                                  $"WHERE \"{SearchIndexes.PostgresColumn}\" @@ to_tsquery('simple', @q)";
#pragma warning restore CA2100
            words.Value = SearchTerms.ToTsQuery(terms, wholeWords: false);
            using var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync(ct))!);
            return plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble() <= Cap;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The query with its matches read in full before sorting. PostgreSQL: as a subquery it must finish first; an
    /// OFFSET (a parameter, so EF Core keeps it) stops the planner from merging it into the ordered, limited outer
    /// query. SQLite reads a search's matches first unless told to walk (<see cref="FullTextSearch.Matching{T}(IQueryable{T}, RapportDb, string?, bool)"/>).
    /// </summary>
    public static IQueryable<T> All<T>(RapportDb db, IQueryable<T> query)
    {
        if (db.Provider != DatabaseProvider.Postgres) return query;
        var none = 0;
        return query.Skip(none);
    }
}
