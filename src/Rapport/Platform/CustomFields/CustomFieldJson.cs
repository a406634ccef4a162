using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// The stored form of a record's custom field values: one JSON object, keys in name order, values in the canonical
/// form <see cref="CustomFieldRules"/> produces. Text is written unescaped (only quotes, backslashes and control
/// characters are escaped) so the SQLite multi-select test in <see cref="CustomFieldSql"/> can look for an option.
/// </summary>
public static class CustomFieldJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();

    /// <summary>The values of a record (never null), each a detached element.</summary>
    public static Dictionary<string, JsonElement> Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stored, Options)
            ?? new Dictionary<string, JsonElement>(StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, JsonElement> ReadOnly(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? Empty : Read(stored);

    /// <summary>The stored text of a set of values; null when there are none.</summary>
    public static string? Write(IEnumerable<KeyValuePair<string, JsonNode?>> values)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values.Where(v => v.Value is not null).OrderBy(v => v.Key, StringComparer.Ordinal))
            result[name] = value!.DeepClone();
        return result.Count == 0 ? null : result.ToJsonString(Options);
    }

    /// <summary>One value of a record, as the database functions in <see cref="CustomFieldSql"/> read it.</summary>
    public static JsonElement? Get(string? stored, string name)
    {
        if (string.IsNullOrWhiteSpace(stored)) return null;
        using var document = JsonDocument.Parse(stored);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.Clone() : null;
    }

    public static JsonNode? ToNode(JsonElement value) => JsonSerializer.SerializeToNode(value, Options);
}
