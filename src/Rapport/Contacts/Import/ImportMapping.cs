using System.Text.Json;
using Rapport.Platform.Api;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>Which column feeds which field of the record type: chosen by the person, or matched from the headers.</summary>
public sealed record ImportMapping(IReadOnlyDictionary<string, string> ColumnToField)
{
    /// <summary>Checks a chosen mapping against the file's headers; null or empty means match automatically.</summary>
    public static ImportMapping For(ImportKind kind, IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? chosen,
        IReadOnlyList<CustomFieldDefinition>? custom = null)
    {
        if (chosen is null || chosen.Count == 0) return new ImportMapping(kind.Fields.AutoMatch(headers, custom));
        var errors = new Dictionary<string, string[]>();
        foreach (var (column, field) in chosen)
        {
            if (!headers.Contains(column, StringComparer.Ordinal)) errors[$"mapping.{column}"] = [$"The file has no column '{column}'."];
            else if (!string.IsNullOrEmpty(field) && !kind.Fields.IsKnown(field, custom))
                errors[$"mapping.{column}"] = [$"'{field}' is not a {kind.Singular} field ({string.Join(", ", kind.Fields.AllWith(custom))})."];
        }
        var used = chosen.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        foreach (var twice in used.GroupBy(p => p.Value).Where(g => g.Count() > 1))
            errors[$"mapping.{twice.Key}"] = [$"Only one column can feed {twice.Key}."];
        if (errors.Count > 0) throw new RequestValidationException(errors);
        return new ImportMapping(used.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    public static IReadOnlyDictionary<string, string>? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException)
        {
            throw RequestValidationException.For("mapping", "mapping must be a JSON object of column header → field name.");
        }
    }

    /// <summary>Column index → field, for reading records.</summary>
    public Dictionary<int, string> FieldAt(IReadOnlyList<string> headers)
    {
        var result = new Dictionary<int, string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (ColumnToField.TryGetValue(headers[i], out var field) && !result.ContainsValue(field)) result[i] = field;
        }
        return result;
    }

    /// <summary>Field → column header, for error messages.</summary>
    public Dictionary<string, string> ColumnOf() => ColumnToField.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(ColumnToField);
}
