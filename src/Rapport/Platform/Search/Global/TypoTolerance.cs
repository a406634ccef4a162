using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Search.Global;

/// <summary>
/// On PostgreSQL, record ids whose name columns are close to what was typed (pg_trgm word similarity, served by
/// the trigram GIN indexes of the AddGlobalSearch migration): "Globx" finds "Globex". Used only when full text
/// found too little (<see cref="Wanted"/>). SQLite has no trigram index; there search stays prefix-only.
/// </summary>
public static class TypoTolerance
{
    /// <summary>Name columns with a trigram index, per table.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["Companies"] = ["Name"],
        ["Contacts"] = ["FirstName", "LastName"],
    };

    /// <summary>
    /// Whether similar names are worth looking for: full text found fewer than a page of hits, and none of them is
    /// named exactly what was typed. Someone who typed a whole name that exists found what they typed; near-misses
    /// would only follow it, and looking for them is the slowest query of a search at a million contacts (a trigram
    /// match over every first and last name: 10 ms on average, up to 38 ms; bench/notes.md item 37).
    /// </summary>
    public static bool Wanted(IReadOnlyList<SearchHit> hits, SearchQuery query) =>
        hits.Count < query.Limit && !hits.Any(h => SearchRanking.Score(h, query) >= SearchRanking.Exact);

    public static IQueryable<Guid>? SimilarIds(RapportDb db, string table, SearchQuery query)
    {
        if (db.Provider != DatabaseProvider.Postgres) return null;
        var words = string.Join(" ", query.Terms);
        // `<%` is word similarity above pg_trgm.word_similarity_threshold (0.6): a typo in one word of a name.
        var where = string.Join(" OR ", Columns[table].Select(c => $"{{0}} <% \"{c}\""));
        // Closest first. The ORDER BY also keeps the trigram index in use: with only a LIMIT, PostgreSQL (which
        // guesses 1 % of rows are similar) walked the name index testing every row, 970,000 of them at 1M
        // contacts when few are similar: 1.9 s. Sorting needs every match, so it reads them from the index: 32 ms.
        var closeness = string.Join(", ", Columns[table].Select(c => $"word_similarity({{0}}, \"{c}\")"));
#pragma warning disable EF1002 // table and columns come from this class, the typed words are a parameter
        return db.Database.SqlQueryRaw<Guid>(
            $"SELECT \"Id\" AS \"Value\" FROM \"{table}\" WHERE {where} ORDER BY GREATEST({closeness}) DESC LIMIT {SearchCandidates.Cap}", words);
#pragma warning restore EF1002
    }
}
