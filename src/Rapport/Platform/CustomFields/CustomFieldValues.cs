using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// Applies the <c>customFields</c> of a create or update to a record's stored values, by the rules of docs/api.md:
/// unknown names and values of the wrong type are refused (errors keyed <c>customFields.name</c>); a create gets
/// each field's default and must fill every required field; an update may not remove a required value; an
/// archived field's value is kept and cannot be changed until the field is unarchived. An update without
/// <c>customFields</c> leaves the values alone.
/// </summary>
public sealed class CustomFieldValues(RapportDb db)
{
    public const string Prefix = "customFields";
    public const int MaxValues = 200;

    private readonly Dictionary<string, IReadOnlyList<CustomFieldDefinition>> loaded = new(StringComparer.Ordinal);

    /// <summary>The fields of a record type, archived ones included, in form order; loaded once per scope.</summary>
    public async Task<IReadOnlyList<CustomFieldDefinition>> DefinitionsAsync(string objectKey, CancellationToken ct)
    {
        if (loaded.TryGetValue(objectKey, out var definitions)) return definitions;
        definitions = await db.CustomFieldDefinitions.AsNoTracking().Where(d => d.ObjectType == objectKey)
            .OrderBy(d => d.Position).ThenBy(d => d.Label).ToListAsync(ct);
        loaded[objectKey] = definitions;
        return definitions;
    }

    /// <summary>Validates <paramref name="input"/> against the record's fields and returns the values to store.</summary>
    public async Task<string?> ApplyAsync<T>(T record, IReadOnlyDictionary<string, JsonElement>? input, bool isNew,
        Dictionary<string, string[]> errors, CancellationToken ct) where T : IHasCustomFields
    {
        var objectKey = CustomFieldObjects.KeyOf<T>();
        var definitions = input is { Count: > 0 } || isNew || record.CustomFields is not null
            ? await DefinitionsAsync(objectKey, ct) : [];
        return Merge(objectKey, definitions, record.CustomFields, input, isNew, errors);
    }

    /// <summary>The names of a record type's fields that are not archived (the ones a merge may fill in).</summary>
    public async Task<IReadOnlySet<string>> ActiveNamesAsync<T>(CancellationToken ct) where T : IHasCustomFields =>
        (await DefinitionsAsync(CustomFieldObjects.KeyOf<T>(), ct)).Where(d => !d.Archived).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A merge's custom values: the survivor's, plus the other record's for active fields the survivor has no value
    /// in (an archived field's value cannot be added, so the other record's is not carried over).
    /// </summary>
    public static Dictionary<string, JsonElement>? Fill(Dictionary<string, JsonElement>? survivor, Dictionary<string, JsonElement>? other,
        IReadOnlySet<string> active)
    {
        if (other is null || other.Count == 0) return survivor;
        var result = new Dictionary<string, JsonElement>(survivor ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in other)
            if (active.Contains(name) && !result.ContainsKey(name)) result[name] = value;
        return result;
    }

    /// <summary>The rules themselves, without the database: also used by the import for rows it bulk-writes.</summary>
    public static string? Merge(string objectKey, IReadOnlyList<CustomFieldDefinition> definitions, string? stored,
        IReadOnlyDictionary<string, JsonElement>? input, bool isNew, Dictionary<string, string[]> errors)
    {
        // An update that names no custom fields at all (customFields absent or null) leaves them as they are.
        if (input is null && !isNew) return stored;
        var current = CustomFieldJson.Read(stored);
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        input ??= new Dictionary<string, JsonElement>();
        if (input.Count > MaxValues)
        {
            errors[Prefix] = [$"{Prefix} holds at most {MaxValues} values."];
            return stored;
        }

        foreach (var (name, value) in input)
        {
            var key = $"{Prefix}.{CustomFieldRules.Shorten(name)}";
            if (!byName.TryGetValue(name, out var field))
            {
                errors[key] = [$"there is no custom field '{CustomFieldRules.Shorten(name)}' on {objectKey} records (see GET /api/v1/custom-fields?object={objectKey})"];
                continue;
            }
            var (canonical, problem) = CustomFieldRules.Check(field, value);
            if (problem is not null)
            {
                errors[key] = [problem];
                continue;
            }
            var before = current.TryGetValue(name, out var old) ? CustomFieldJson.ToNode(old) : null;
            if (field.Archived)
            {
                if (!JsonNode.DeepEquals(before, canonical))
                    errors[key] = ["the field is archived: its value is kept but cannot change until the field is unarchived"];
                else if (before is not null) result[name] = before;
                continue;
            }
            result[name] = canonical;
        }

        foreach (var (name, value) in current)
        {
            if (input.ContainsKey(name)) continue;
            // Values a request leaves out are removed (a merge patch removes with null), except an archived
            // field's: a form that no longer shows the field must not wipe what it holds.
            if (!byName.TryGetValue(name, out var field) || field.Archived) result[name] = CustomFieldJson.ToNode(value);
        }

        foreach (var field in definitions.Where(d => !d.Archived))
        {
            var has = result.GetValueOrDefault(field.Name) is not null;
            if (isNew && !has && field.DefaultValue is not null && !input.ContainsKey(field.Name))
            {
                result[field.Name] = JsonNode.Parse(field.DefaultValue);
                has = true;
            }
            var key = $"{Prefix}.{field.Name}";
            if (field.Required && !has && !errors.ContainsKey(key) && (isNew || current.ContainsKey(field.Name)))
                errors[key] = [$"{field.Label} is required"];
        }
        return CustomFieldJson.Write(result);
    }
}
