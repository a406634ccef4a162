using System.Text.Json;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>
/// The mapped cells of one row as the row readers take them: trimmed text or null, with a value over the length
/// limit or a custom field value that does not fit its type refused by an error naming the column.
/// </summary>
/// <param name="number">The row's line in the spreadsheet (the header is row 1).</param>
/// <param name="values">Field → cell text, for the mapped columns.</param>
/// <param name="columnOf">Field → the header of its column, for error messages.</param>
public sealed class ImportCells(int number, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> columnOf)
{
    public const int MaxCellLength = 10_000;

    public List<ImportRowError> Errors { get; } = [];

    public string? ColumnOf(string field) => columnOf.GetValueOrDefault(field);

    public bool Has(string field) => values.ContainsKey(field);

    public void Error(string field, string message) => Errors.Add(new(number, ColumnOf(field), message));

    public string? Text(string field)
    {
        if (!values.TryGetValue(field, out var text) || string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length > MaxCellLength)
        {
            Error(field, $"The value is {text.Length:N0} characters long; the limit is {MaxCellLength:N0}.");
            return null;
        }
        return text.Trim();
    }

    /// <summary>A list cell: values separated by <c>,</c> or <c>;</c>.</summary>
    public List<string>? List(string field) =>
        Text(field)?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Each mapped custom field's cell read as the field's type.</summary>
    public Dictionary<string, JsonElement>? CustomFields(IReadOnlyList<CustomFieldDefinition>? custom)
    {
        Dictionary<string, JsonElement>? result = null;
        foreach (var field in custom ?? [])
        {
            var key = ImportFieldCatalogue.CustomKey(field);
            if (!Has(key) || Text(key) is not { } text) continue;
            var (value, problem) = CustomFieldRules.CheckText(field, text);
            if (problem is not null) Error(key, $"'{Shorten(text)}' does not fit {field.Label}: {problem}.");
            else if (value is not null) (result ??= new(StringComparer.Ordinal))[field.Name] = JsonSerializer.SerializeToElement(value);
        }
        return result;
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
