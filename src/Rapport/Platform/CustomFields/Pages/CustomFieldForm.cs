using System.Globalization;
using System.Text.Json;

namespace Rapport.Platform.CustomFields.Pages;

/// <summary>
/// The custom fields of a record form: one text per field as the inputs hold it, read back through
/// <see cref="CustomFieldRules.CheckText"/>. A value the form cannot read is sent as typed, so the service reports
/// it under <c>customFields.name</c> like any other invalid value. Archived fields are not shown; their values
/// pass through unchanged.
/// </summary>
public sealed class CustomFieldForm
{
    private readonly Dictionary<string, JsonElement> original;

    private CustomFieldForm(IReadOnlyList<CustomFieldDefinition> definitions, Dictionary<string, JsonElement> original)
    {
        Definitions = definitions;
        this.original = original;
    }

    public static CustomFieldForm Empty { get; } = new([], []);

    public IReadOnlyList<CustomFieldDefinition> Definitions { get; }

    public IEnumerable<CustomFieldDefinition> Shown => Definitions.Where(d => !d.Archived);

    public Dictionary<string, string?> Text { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyCollection<string>> Choices { get; } = new(StringComparer.Ordinal);

    /// <summary>A record's values in the form; a new record starts with each field's default.</summary>
    public static CustomFieldForm For(IReadOnlyList<CustomFieldDefinition> definitions, IReadOnlyDictionary<string, JsonElement>? values)
    {
        var isNew = values is null;
        var form = new CustomFieldForm(definitions, new Dictionary<string, JsonElement>(values ?? new Dictionary<string, JsonElement>(), StringComparer.Ordinal));
        foreach (var field in definitions.Where(d => !d.Archived))
        {
            JsonElement? value = values?.TryGetValue(field.Name, out var stored) == true ? stored
                : isNew && field.DefaultValue is not null ? JsonSerializer.Deserialize<JsonElement>(field.DefaultValue) : null;
            if (field.Type == CustomFieldType.MultiSelect)
                form.Choices[field.Name] = value is { ValueKind: JsonValueKind.Array } list
                    ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
            else
                form.Text[field.Name] = value is { } v ? ToInputText(field.Type, v) : null;
        }
        return form;
    }

    /// <summary>The values to send; null (change nothing) from a form whose fields were never loaded.</summary>
    public Dictionary<string, JsonElement>? ToInput()
    {
        if (ReferenceEquals(this, Empty)) return null;
        var result = new Dictionary<string, JsonElement>(original, StringComparer.Ordinal);
        foreach (var field in Shown)
        {
            var text = field.Type == CustomFieldType.MultiSelect
                ? string.Join(",", Choices.GetValueOrDefault(field.Name) ?? [])
                : Text.GetValueOrDefault(field.Name);
            var (value, problem) = CustomFieldRules.CheckText(field, text);
            if (problem is not null) result[field.Name] = JsonSerializer.SerializeToElement(text);
            else if (value is null) result.Remove(field.Name);
            else result[field.Name] = JsonSerializer.SerializeToElement(value);
        }
        return result;
    }

    /// <summary>A stored value as an input shows it: a date-time input takes "yyyy-MM-ddTHH:mm" (UTC here).</summary>
    private static string ToInputText(CustomFieldType type, JsonElement value) => type switch
    {
        CustomFieldType.DateTime when DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment)
            => moment.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        CustomFieldType.Boolean => value.ValueKind == JsonValueKind.True ? "yes" : "no",
        _ => CustomFieldRules.Format(type, value),
    };
}
