using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// Defining custom fields: anyone signed in may read the definitions (forms and lists need them); only an admin
/// may create, change, archive or unarchive one. Definitions are never deleted, so no value is ever orphaned.
/// </summary>
public sealed class CustomFieldService(RapportDb db, CurrentActor actor)
{
    public const int MaxFieldsPerObject = 100;

    public async Task<IReadOnlyList<CustomFieldDefinition>> ListAsync(string? objectKey, CancellationToken ct)
    {
        if (objectKey is not null && CustomFieldObjects.Find(objectKey) is null)
            throw RequestValidationException.For("object", $"object must be one of: {string.Join(", ", CustomFieldObjects.All.Select(o => o.Key))}.");
        var query = db.CustomFieldDefinitions.AsNoTracking();
        if (objectKey is not null) query = query.Where(d => d.ObjectType == objectKey);
        return await query.OrderBy(d => d.ObjectType).ThenBy(d => d.Position).ThenBy(d => d.Label).ToListAsync(ct);
    }

    public async Task<CustomFieldDefinition> GetAsync(Guid id, CancellationToken ct) =>
        await db.CustomFieldDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw Missing(id);

    public async Task<CustomFieldDefinition> CreateAsync(CustomFieldInput input, CancellationToken ct)
    {
        Demand();
        var errors = new Dictionary<string, string[]>();
        if (input.ObjectType is not null && CustomFieldObjects.Find(input.ObjectType) is null)
            errors["object"] = [$"object must be one of: {string.Join(", ", CustomFieldObjects.All.Select(o => o.Key))}."];
        if (input.Name is not null && !CustomFieldRules.NamePattern().IsMatch(input.Name))
            errors["name"] = ["name must start with a lower-case letter and hold only letters, digits and _ (at most 50 characters), e.g. contractTier."];
        var definition = new CustomFieldDefinition();
        var defaultJson = Validate(input, errors);
        RequestValidator.ThrowIfInvalid(input, errors);

        var siblings = await db.CustomFieldDefinitions.Where(d => d.ObjectType == input.ObjectType).ToListAsync(ct);
        if (siblings.Any(d => string.Equals(d.Name, input.Name, StringComparison.OrdinalIgnoreCase)))
            throw new ConflictException($"A {input.ObjectType} field named '{input.Name}' already exists (names are unique per record type, ignoring case).");
        if (siblings.Count >= MaxFieldsPerObject)
            throw new ConflictException($"A record type has at most {MaxFieldsPerObject} custom fields; archive or reuse one.");
        definition.ObjectType = input.ObjectType!;
        definition.Name = input.Name!;
        definition.Type = input.Type!.Value;
        Apply(definition, input, defaultJson);
        definition.Position = input.Position ?? (siblings.Count == 0 ? 0 : siblings.Max(d => d.Position) + 1);
        db.CustomFieldDefinitions.Add(definition);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins defining the same name at once: the unique index keeps one of them.
            throw new ConflictException($"A {input.ObjectType} field named '{input.Name}' already exists.");
        }
        await CustomFieldStatistics.EnsureAsync(db, [definition], analyze: true, ct);
        return definition;
    }

    /// <summary>Applies a whole new document (a merge patch's result); object, name and type cannot change.</summary>
    public async Task<CustomFieldDefinition> UpdateAsync(Guid id, int? expectedVersion, Func<CustomFieldInput, CustomFieldInput> change,
        CancellationToken ct)
    {
        Demand();
        var definition = await db.CustomFieldDefinitions.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw Missing(id);
        if (expectedVersion is { } v && v != definition.Version)
            throw new PreconditionFailedException($"The field has changed since version {v} (now {definition.Version}). Reload and reapply.");
        var input = change(CustomFieldResponse.ToInput(definition));
        var errors = new Dictionary<string, string[]>();
        if (input.ObjectType != definition.ObjectType) errors["object"] = ["object cannot change; define a new field instead."];
        if (input.Name != definition.Name) errors["name"] = ["name cannot change: API clients and filters use it. Change the label instead."];
        if (input.Type != definition.Type) errors["type"] = ["type cannot change: stored values would no longer fit. Define a new field instead."];
        var defaultJson = Validate(input, errors);
        RequestValidator.ThrowIfInvalid(input, errors);
        Apply(definition, input, defaultJson);
        if (input.Position is { } position) definition.Position = position;
        await db.SaveChangesAsync(ct);
        return definition;
    }

    /// <summary>Archiving hides the field from forms and exports; every stored value stays, readable through the API.</summary>
    public async Task<CustomFieldDefinition> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        Demand();
        var definition = await db.CustomFieldDefinitions.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw Missing(id);
        definition.Archived = archived;
        await db.SaveChangesAsync(ct);
        return definition;
    }

    private static void Apply(CustomFieldDefinition definition, CustomFieldInput input, string? defaultJson)
    {
        definition.Label = input.Label!.Trim();
        definition.Required = input.Required;
        definition.HelpText = string.IsNullOrWhiteSpace(input.HelpText) ? null : input.HelpText.Trim();
        var options = CleanOptions(input.Options);
        if (!options.SequenceEqual(definition.Options)) definition.Options = options;
        definition.DefaultValue = defaultJson;
    }

    /// <summary>Checks options and the default value; returns the default in its stored form.</summary>
    private static string? Validate(CustomFieldInput input, Dictionary<string, string[]> errors)
    {
        var options = CleanOptions(input.Options);
        if (input.Type is { } type)
        {
            if (type.HasOptions() && options.Count == 0) errors["options"] = ["A select field needs at least one option."];
            if (!type.HasOptions() && options.Count > 0) errors["options"] = ["Only select and multi select fields have options."];
        }
        if (options.Count > CustomFieldRules.MaxOptions) errors["options"] = [$"At most {CustomFieldRules.MaxOptions} options."];
        var problems = (input.Options ?? []).Select(CustomFieldRules.OptionProblem).OfType<string>().Distinct().ToList();
        if (problems.Count > 0) errors["options"] = [.. problems];
        if (options.Count != options.Distinct(StringComparer.OrdinalIgnoreCase).Count())
            errors["options"] = ["The same option is listed twice."];
        if (input.DefaultValue is not { } value || input.Type is null || errors.ContainsKey("options")) return null;
        var probe = new CustomFieldDefinition { Name = input.Name ?? "", Type = input.Type.Value, Options = options };
        var (canonical, problem) = CustomFieldRules.Check(probe, value);
        if (problem is not null) errors["defaultValue"] = [problem];
        return canonical?.ToJsonString(CustomFieldJson.Options);
    }

    private static List<string> CleanOptions(List<string>? options) =>
        (options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();

    private void Demand()
    {
        if (!Permissions.CanDefineFields(actor.Principal))
            throw new ForbiddenException("Only an admin can define custom fields.");
    }

    private static NotFoundException Missing(Guid id) => new($"No custom field with id {id}.");
}
