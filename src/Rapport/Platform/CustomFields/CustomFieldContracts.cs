using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Platform.CustomFields;

/// <summary>What an admin sends to define a custom field, and the document a merge patch applies to.</summary>
public sealed record CustomFieldInput
{
    /// <summary>The record type: "contact" or "company". Fixed once the field exists.</summary>
    [Required, JsonPropertyName("object")] public string? ObjectType { get; init; }

    /// <summary>The API key of the field, matching ^[a-z][a-zA-Z0-9_]{0,49}$. Fixed once the field exists.</summary>
    [Required] public string? Name { get; init; }

    [Required(AllowEmptyStrings = false), MaxLength(100)] public string? Label { get; init; }

    /// <summary>Fixed once the field exists.</summary>
    [Required] public CustomFieldType? Type { get; init; }

    public bool Required { get; init; }

    /// <summary>The value a new record gets when it names none; must fit the type.</summary>
    public JsonElement? DefaultValue { get; init; }

    [MaxLength(500)] public string? HelpText { get; init; }

    /// <summary>The choices of a select or multi select field, in order.</summary>
    public List<string>? Options { get; init; }

    /// <summary>Where the field sits in forms; new fields go last.</summary>
    [Range(0, 10_000)] public int? Position { get; init; }
}

public sealed record CustomFieldResponse(
    Guid Id,
    [property: JsonPropertyName("object")] string ObjectType,
    string Name,
    string Label,
    CustomFieldType Type,
    bool Required,
    JsonElement? DefaultValue,
    string? HelpText,
    IReadOnlyList<string> Options,
    bool Archived,
    int Position,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static CustomFieldResponse From(CustomFieldDefinition d) => new(
        d.Id, d.ObjectType, d.Name, d.Label, d.Type, d.Required, ParseDefault(d.DefaultValue), d.HelpText, d.Options,
        d.Archived, d.Position, d.Version, d.CreatedAt, d.UpdatedAt);

    public static CustomFieldInput ToInput(CustomFieldDefinition d) => new()
    {
        ObjectType = d.ObjectType,
        Name = d.Name,
        Label = d.Label,
        Type = d.Type,
        Required = d.Required,
        DefaultValue = ParseDefault(d.DefaultValue),
        HelpText = d.HelpText,
        Options = [.. d.Options],
        Position = d.Position,
    };

    private static JsonElement? ParseDefault(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<JsonElement>(json, CustomFieldJson.Options);
}

public sealed record CustomFieldList(IReadOnlyList<CustomFieldResponse> Data);
