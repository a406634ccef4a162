using System.Globalization;
using System.Text;

namespace Rapport.Platform.Search;

/// <summary>
/// Turns what a person typed into words: letters and digits only, so nothing typed can change the
/// meaning of an FTS5 or tsquery expression.
/// </summary>
public static class SearchTerms
{
    public const int MaxTerms = 8;

    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch)) current.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
            else Flush();
        }
        Flush();
        return terms.Take(MaxTerms).ToList();

        void Flush()
        {
            if (current.Length > 0) terms.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>FTS5: every word quoted, all required; as a prefix unless <paramref name="wholeWords"/>.</summary>
    public static string ToFts5(IReadOnlyList<string> terms, bool wholeWords = false) =>
        string.Join(" ", terms.Select(t => wholeWords ? $"\"{t}\"" : $"\"{t}\"*"));

    /// <summary>PostgreSQL to_tsquery: every word required; as a prefix unless <paramref name="wholeWords"/>.</summary>
    public static string ToTsQuery(IReadOnlyList<string> terms, bool wholeWords = false) =>
        string.Join(" & ", terms.Select(t => wholeWords ? t : $"{t}:*"));
}
