using System.Globalization;
using System.Text;
using System.Text.Json;
using Rapport.Platform.Export;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// One export column per custom field that is not archived, after the record type's own columns. The header is
/// the field's label, which the import matches back to the field; a label that would repeat another column's
/// header is written as <c>cf:name</c> instead (the import matches that too).
/// </summary>
public static class CustomFieldExport
{
    public static async Task<IReadOnlyList<CustomFieldDefinition>> DefinitionsAsync<T>(IServiceProvider services, CancellationToken ct)
    {
        if (CustomFieldObjects.Of(typeof(T)) is not { } target) return [];
        var definitions = await services.GetRequiredService<CustomFieldValues>().DefinitionsAsync(target.Key, ct);
        return definitions.Where(d => !d.Archived).ToList();
    }

    public static IReadOnlyList<ExportColumn<T>> Append<T>(IReadOnlyList<ExportColumn<T>> columns,
        IReadOnlyList<CustomFieldDefinition> definitions)
    {
        if (definitions.Count == 0) return columns;
        var taken = columns.Select(c => HeaderKey(c.Header)).ToHashSet(StringComparer.Ordinal);
        var result = columns.ToList();
        // Rows are read once per column: keep the last record's values parsed rather than parse them per cell.
        object? lastRecord = null;
        IReadOnlyDictionary<string, JsonElement> lastValues = new Dictionary<string, JsonElement>();
        IReadOnlyDictionary<string, JsonElement> ValuesOf(T record)
        {
            if (!ReferenceEquals(record, lastRecord))
            {
                lastRecord = record;
                lastValues = CustomFieldJson.ReadOnly(((IHasCustomFields)record!).CustomFields);
            }
            return lastValues;
        }
        foreach (var definition in definitions)
        {
            var header = taken.Add(HeaderKey(definition.Label)) ? definition.Label : Technical(definition.Name);
            taken.Add(HeaderKey(header));
            var type = definition.Type;
            var name = definition.Name;
            result.Add(new ExportColumn<T>(header,
                record => ValuesOf(record).TryGetValue(name, out var value) ? CustomFieldRules.Format(type, value) : null));
        }
        return result;
    }

    /// <summary>The header written when the label cannot be used, e.g. <c>cf:tier</c>.</summary>
    public static string Technical(string name) => $"{CustomFieldListFields.ShortPrefix}:{name}";

    /// <summary>A header as headers are compared: letters and digits only, lower case, accents folded.</summary>
    public static string HeaderKey(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
