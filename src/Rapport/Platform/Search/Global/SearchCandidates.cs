using Rapport.Platform.Data;

namespace Rapport.Platform.Search.Global;

/// <summary>
/// Narrows a provider's readable records to a bounded set of full-text matches before anything is sorted: a short
/// prefix such as "mar" matches tens of thousands of contacts and activities at 100k contacts, and ordering all of
/// them for five results made global search slow (bench/notes.md item 17). The set holds up to
/// <see cref="Cap"/> records containing every typed word whole (so "Reich" always finds the Reichs) and up to
/// <see cref="Cap"/> containing words that start with them; the provider ranks within that set.
/// </summary>
public static class SearchCandidates
{
    /// <summary>Records taken from each of the two matches; enough to rank a page of five, still cheap to fetch.</summary>
    public const int Cap = 200;

    /// <summary>
    /// On SQLite, full-text matches looked at per half before the access filter: for someone who may read
    /// everything the first <see cref="Cap"/> of them are the candidates; a rep who sees one record in ten still
    /// gets about <see cref="Cap"/>. Beyond it, typing another letter narrows the search.
    /// </summary>
    public const int SqliteMatches = 10 * Cap;

    public static IQueryable<T> Candidates<T>(this IQueryable<T> readable, RapportDb db, SearchQuery query) where T : Entity
    {
        // The access filter stays inside each capped match, so a rep's cap is filled with records they may read.
        var whole = readable.Matching(db, query.Terms, wholeWords: true, SqliteMatches).Select(e => e.Id).Take(Cap);
        var prefixed = readable.Matching(db, query.Terms, wholeWords: false, SqliteMatches).Select(e => e.Id).Take(Cap);
        var ids = whole.Union(prefixed);
        return readable.Where(e => ids.Contains(e.Id));
    }
}
