using System.Globalization;

namespace Rapport.Platform.Search.Global;

/// <summary>
/// Scores a hit against the words typed: the whole title equal to the query beats a word of the title equal to
/// a word typed, which beats a title word starting with it, which beats a match elsewhere (email, body) or a
/// typo-tolerant match.
/// </summary>
public static class SearchRanking
{
    public const double Exact = 100, WordExact = 70, WordPrefix = 50, Elsewhere = 20, Fuzzy = 10;

    public static double Score(SearchHit hit, SearchQuery query)
    {
        if (hit.Fuzzy) return Fuzzy;
        var title = SearchTerms.Split(hit.Title);
        if (title.Count == 0) return Elsewhere;
        if (title.SequenceEqual(query.Terms)) return Exact;
        double total = 0;
        foreach (var term in query.Terms)
        {
            total += title.Contains(term) ? WordExact
                : title.Any(w => w.StartsWith(term, StringComparison.Ordinal)) ? WordPrefix
                : Elsewhere;
        }
        // Shorter titles first among equals: "Acme" before "Acme Holdings International".
        return Math.Round(total / query.Terms.Count - Math.Min(title.Count - query.Terms.Count, 9) * 0.1, 1,
            MidpointRounding.AwayFromZero);
    }

    public static string Normalize(string text) => text.Trim().ToLower(CultureInfo.InvariantCulture);
}
