using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rapport.Contacts.Duplicates;

/// <summary>How alike two names are: Jaro-Winkler over names folded to lower-case ASCII letters and digits.</summary>
public static partial class NameSimilarity
{
    /// <summary>Legal forms and filler words that say nothing about which company it is.</summary>
    private static readonly HashSet<string> CompanyNoise =
    [
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "gmbh", "ag", "kg", "co", "corp",
        "corporation", "company", "sa", "sarl", "sas", "srl", "spa", "bv", "nv", "oy", "ab", "as", "pty", "the", "and",
    ];

    /// <summary>"ACME, Inc." and "Acme Inc" both become "acme".</summary>
    public static string Company(string? name) =>
        string.Join(' ', Words(name).Where(w => !CompanyNoise.Contains(w)));

    /// <summary>"José  Núñez" becomes "jose nunez".</summary>
    public static string Person(string? first, string? last) =>
        string.Join(' ', Words($"{first} {last}"));

    public static IEnumerable<string> Words(string? text) =>
        NonWord().Split(Fold(text ?? "")).Where(w => w.Length > 0);

    /// <summary>Jaro-Winkler similarity, 0 (nothing alike) to 1 (equal).</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a == b) return 1;
        if (a.Length == 0 || b.Length == 0) return 0;
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (bMatched[j] || a[i] != b[j]) continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!aMatched[i]) continue;
            while (!bMatched[j]) j++;
            if (a[i] != b[j]) transpositions++;
            j++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonWord();
}
