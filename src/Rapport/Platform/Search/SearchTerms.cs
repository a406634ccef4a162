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

    /// <summary>
    /// The words typed, lower-cased. A word followed by punctuation and more letters (the "o" of O'Reilly, the "ada"
    /// of ada.lovelace@…) is complete: it matches only as a whole word, even where the others match as prefixes.
    /// As a prefix, "o" matched every record with a word starting with o, which made O'Reilly both the least precise
    /// and the slowest name to search (bench/notes.md item 22).
    /// </summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var terms = new List<string>();
        var complete = new HashSet<int>();
        var current = new StringBuilder();
        var joined = false; // the last word ended at punctuation, with no space since
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (current.Length == 0 && joined) complete.Add(terms.Count - 1);
                joined = false;
                current.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
            }
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
                joined = !char.IsWhiteSpace(ch);
            }
            else if (char.IsWhiteSpace(ch))
            {
                joined = false;
            }
        }
        if (current.Length > 0) terms.Add(current.ToString());
        return new TypedWords(terms.Take(MaxTerms).ToList(), complete);
    }

    private static bool Complete(IReadOnlyList<string> terms, int index) => terms is TypedWords typed && typed.Complete.Contains(index);

    /// <summary>FTS5: every word quoted, all required; as a prefix unless <paramref name="wholeWords"/>.</summary>
    public static string ToFts5(IReadOnlyList<string> terms, bool wholeWords = false) =>
        string.Join(" ", terms.Select((t, i) => wholeWords || Complete(terms, i) ? $"\"{t}\"" : $"\"{t}\"*"));

    /// <summary>PostgreSQL to_tsquery: every word required; as a prefix unless <paramref name="wholeWords"/>.</summary>
    public static string ToTsQuery(IReadOnlyList<string> terms, bool wholeWords = false) =>
        string.Join(" & ", TsWords(terms, wholeWords));

    private static IEnumerable<string> TsWords(IReadOnlyList<string> terms, bool wholeWords) =>
        terms.Select((t, i) => wholeWords || Complete(terms, i) ? t : $"{t}:*");

    /// <summary>Prefixes shorter than this are checked on the rows the other words find (<see cref="ToTsQueries"/>).</summary>
    public const int ShortPrefix = 3;

    /// <summary>
    /// PostgreSQL: what the GIN index looks up, and the short prefixes (one or two letters, not complete) left to be
    /// checked on the rows it finds. GIN answers "r:*" by building the union of every word starting with r, whole,
    /// before a LIMIT applies: 60–80 ms over 5M activities for "O'R" (bench/notes.md items 37 and 44). The other words
    /// narrow the rows enough that checking the prefix on each is cheaper. When every word is a short prefix the index
    /// is all there is, so nothing is held back.
    /// </summary>
    public static (string Indexed, string? Rechecked) ToTsQueries(IReadOnlyList<string> terms, bool wholeWords = false)
    {
        var held = terms.Select((t, i) => !wholeWords && !Complete(terms, i) && t.Length < ShortPrefix).ToArray();
        if (held.All(h => h) || !held.Any(h => h)) return (ToTsQuery(terms, wholeWords), null);
        var words = TsWords(terms, wholeWords).ToArray();
        return (string.Join(" & ", words.Where((_, i) => !held[i])), string.Join(" & ", words.Where((_, i) => held[i])));
    }

    /// <summary>Words as <see cref="Split"/> found them, and which of them are complete.</summary>
    private sealed class TypedWords(List<string> words, HashSet<int> complete) : IReadOnlyList<string>
    {
        public HashSet<int> Complete => complete;
        public int Count => words.Count;
        public string this[int index] => words[index];
        public IEnumerator<string> GetEnumerator() => words.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
