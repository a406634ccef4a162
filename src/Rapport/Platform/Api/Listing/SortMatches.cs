using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;
using Rapport.Platform.Search;

namespace Rapport.Platform.Api.Listing;

/// <summary>
/// How a full-text <c>q</c> page is read on PostgreSQL. Asked for "matches of hudson:*, by name, first 51", the planner
/// walks the name index and checks each row's search vector, betting that matches are spread evenly through the
/// alphabet. Searched names are not: every Hudson sits under H, so at 1M contacts that walk read 40,000 rows
/// (480 ms) for one page, where fetching the 3,535 matches from the full-text index and sorting them takes 20 ms
/// (bench/notes.md item 22). When the planner expects at most <see cref="Cap"/> matches, the page is therefore read
/// that way. A broad search keeps the walk: "west:*" matches 80,000 contacts, whose bitmap alone takes 110 ms,
/// while the walk finds a page of them in 12 ms. SQLite's FTS5 lookup is already a join on the matches' ids.
/// </summary>
public static class SortMatches
{
    /// <summary>Matches fetched and sorted in full (about 4 µs each).</summary>
    public const int Cap = 10_000;

    /// <summary>Whether the request is a full-text search on PostgreSQL.</summary>
    public static bool Searches(RapportDb db, ListRequest request) =>
        db.Provider == DatabaseProvider.Postgres && SearchTerms.Split(request.Q).Count > 0;

    /// <summary>
    /// Whether <paramref name="request"/>'s <c>q</c> is a PostgreSQL search the planner expects at most
    /// <see cref="Cap"/> matches for. The estimate (from the search vector's statistics, close for names: 2,800
    /// for 3,535 Hudsons) costs a plan, not a scan: counting the matches would build the bitmap the walk avoids.
    /// </summary>
    public static async Task<bool> FewAsync<T>(RapportDb db, ListRequest request, CancellationToken ct) where T : Entity
    {
        if (!Searches(db, request)) return false;
        var terms = SearchTerms.Split(request.Q);
        var index = SearchIndexes.For(typeof(T));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // The table and column come from SearchIndexes, never from the request; the words are a parameter.
#pragma warning disable CA2100
            command.CommandText = $"EXPLAIN (FORMAT JSON) SELECT 1 FROM \"{index.Table}\" " +
                                  $"WHERE \"{SearchIndexes.PostgresColumn}\" @@ to_tsquery('simple', @q)";
#pragma warning restore CA2100
            var words = command.CreateParameter();
            words.ParameterName = "q";
            words.Value = SearchTerms.ToTsQuery(terms, wholeWords: false);
            command.Parameters.Add(words);
            using var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync(ct))!);
            return plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble() <= Cap;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The query as a subquery PostgreSQL must finish before sorting: an OFFSET (a parameter, so EF Core keeps it)
    /// stops the planner from merging it into the ordered, limited outer query.
    /// </summary>
    public static IQueryable<T> All<T>(IQueryable<T> query)
    {
        var none = 0;
        return query.Skip(none);
    }
}
