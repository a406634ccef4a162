using System.Collections.Frozen;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>
/// The fields of one record type a CSV column can be mapped to, and the header names (besides the field's own) that
/// map to each automatically. Headers are compared ignoring case, accents, spaces, dashes, underscores and dots.
/// </summary>
public sealed class ImportFieldCatalogue
{
    /// <summary>How a column names a custom field: <c>customFields.tier</c>.</summary>
    public const string CustomPrefix = CustomFieldValues.Prefix + ".";

    private readonly FrozenDictionary<string, string> byName;

    /// <param name="entries">Each field with its synonyms; a synonym listed under two fields goes to the first.</param>
    public ImportFieldCatalogue(params (string Field, string[] Synonyms)[] entries)
    {
        All = entries.Select(c => c.Field).ToArray();
        byName = entries
            .SelectMany(c => c.Synonyms.Append(c.Field).Select(name => (Key: Normalize(name), c.Field)))
            .DistinctBy(p => p.Key)
            .ToFrozenDictionary(p => p.Key, p => p.Field);
    }

    /// <summary>The record's own fields, in the order the mapping screen lists them.</summary>
    public IReadOnlyList<string> All { get; }

    public static string CustomKey(CustomFieldDefinition field) => CustomPrefix + field.Name;

    /// <summary>Every field a column can feed: the record's own, then its custom fields (not archived ones).</summary>
    public IReadOnlyList<string> AllWith(IReadOnlyList<CustomFieldDefinition>? custom) =>
        [.. All, .. (custom ?? []).Select(CustomKey)];

    public bool IsKnown(string field, IReadOnlyList<CustomFieldDefinition>? custom = null) =>
        AllWith(custom).Contains(field, StringComparer.Ordinal);

    /// <summary>
    /// The field each header names; each field is matched to the first header naming it. A header that is a field's
    /// own name ("Email", "Job title") means that field; then custom fields are matched by label, name or
    /// <c>cf:name</c> (the export's headers); then the synonyms.
    /// </summary>
    public Dictionary<string, string> AutoMatch(IEnumerable<string> headers, IReadOnlyList<CustomFieldDefinition>? custom = null)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var key = Normalize(header);
            var field = All.FirstOrDefault(f => Normalize(f) == key)
                ?? (custom ?? []).Where(c => Normalize(c.Label) == key || Normalize(c.Name) == key
                                             || Normalize(CustomFieldExport.Technical(c.Name)) == key)
                    .Select(CustomKey).FirstOrDefault()
                ?? byName.GetValueOrDefault(key);
            if (field is not null && !mapping.ContainsValue(field)) mapping[header] = field;
        }
        return mapping;
    }

    private static string Normalize(string name) => CustomFieldExport.HeaderKey(name);
}
