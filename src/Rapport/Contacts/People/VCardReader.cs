using System.Text;

namespace Rapport.Contacts.People;

/// <summary>One property of a vCard: name (group prefix dropped, upper case), parameters as written, raw value.</summary>
public sealed record VCardProperty(string Name, string Parameters, string Value)
{
    public bool IsPreferred => Parameters.Contains("PREF", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value split into its ;-separated components, each unescaped.</summary>
    public IReadOnlyList<string> Components => VCardReader.Split(Value, ';').Select(VCardReader.Unescape).ToList();
}

/// <summary>
/// Reads vCards 3.0 and 4.0 (RFC 6350; RFC 2426), as contacts apps export them: unfolds continuation lines,
/// drops group prefixes (Apple's item1.EMAIL), keeps each card's properties. Unknown properties are ignored.
/// </summary>
public static class VCardReader
{
    public static List<List<VCardProperty>> Read(string text)
    {
        var cards = new List<List<VCardProperty>>();
        List<VCardProperty>? card = null;
        foreach (var line in Unfold(text))
        {
            var colon = IndexOutsideQuotes(line, ':');
            if (colon <= 0) continue;
            var head = line[..colon];
            var semicolon = head.IndexOf(';', StringComparison.Ordinal);
            var name = (semicolon < 0 ? head : head[..semicolon]).ToUpperInvariant();
            var dot = name.LastIndexOf('.');
            if (dot >= 0) name = name[(dot + 1)..];
            var parameters = semicolon < 0 ? "" : head[(semicolon + 1)..];
            var value = line[(colon + 1)..];
            if (name == "BEGIN" && value.Equals("VCARD", StringComparison.OrdinalIgnoreCase)) card = [];
            else if (name == "END" && card is not null)
            {
                cards.Add(card);
                card = null;
            }
            else card?.Add(new VCardProperty(name, parameters, value));
        }
        return cards;
    }

    private static IEnumerable<string> Unfold(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t'))
            {
                current.Append(raw, 1, raw.Length - 1);
                continue;
            }
            if (current.Length > 0) yield return current.ToString();
            current.Clear().Append(raw);
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static int IndexOutsideQuotes(string line, char wanted)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == wanted && !quoted) return i;
        }
        return -1;
    }

    /// <summary>Splits at separators not escaped with a backslash.</summary>
    public static IEnumerable<string> Split(string value, char separator)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\') i++;
            else if (value[i] == separator)
            {
                yield return value[start..i];
                start = i + 1;
            }
        }
        yield return value[start..];
    }

    public static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else text.Append(value[i]);
        }
        return text.ToString().Trim();
    }
}
