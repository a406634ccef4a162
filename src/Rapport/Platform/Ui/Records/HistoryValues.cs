using System.Text.Json;

namespace Rapport.Platform.Ui.Records;

/// <summary>Turns the raw values of the audit trail into text a person reads.</summary>
public static class HistoryValues
{
    /// <summary>
    /// Lists are stored as JSON: tags as strings, emails and phones as objects. Show them as comma-separated
    /// text, marking the primary entry.
    /// </summary>
    public static string Show(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "(empty)";
        if (!value.StartsWith('[')) return value;
        try
        {
            using var json = JsonDocument.Parse(value);
            var items = json.RootElement.EnumerateArray().Select(Item).ToList();
            return items.Count == 0 ? "(empty)" : string.Join(", ", items);
        }
        catch (JsonException)
        {
            return value;
        }
    }

    /// <summary>camelCase field names as words: <c>annualRevenueCurrency</c> → "Annual revenue currency".</summary>
    public static string Label(string field)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in field)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
        }
        var text = words.ToString();
        return text.EndsWith(" id", StringComparison.Ordinal) ? text[..^3] : text;
    }

    private static string Item(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return item.ToString();
        var text = item.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString()).FirstOrDefault() ?? item.ToString();
        var primary = item.TryGetProperty("primary", out var p) && p.ValueKind == JsonValueKind.True;
        return primary ? text + " (primary)" : text;
    }
}
