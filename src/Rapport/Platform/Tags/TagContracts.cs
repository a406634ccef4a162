using System.ComponentModel.DataAnnotations;

namespace Rapport.Platform.Tags;

/// <summary>What a client sends to create a tag, and the document a merge patch applies to (rename, recolour).</summary>
public sealed record TagInput
{
    [Required(AllowEmptyStrings = false), MaxLength(TagNames.MaxLength)] public string? Name { get; init; }

    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "color must be #rrggbb, e.g. #1e88e5.")]
    public string? Color { get; init; }
}

/// <summary>A catalogue tag; <c>usage</c> counts the records carrying it per record type, among those the caller can read.</summary>
public sealed record TagResponse(Guid Id, string Name, string Color, IReadOnlyDictionary<string, int> Usage, int Version,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static TagResponse From(Tag tag, IReadOnlyDictionary<string, int> usage) =>
        new(tag.Id, tag.Name, tag.Color, usage, tag.Version, tag.CreatedAt, tag.UpdatedAt);
}

public sealed record TagList(IReadOnlyList<TagResponse> Data);

/// <summary>Add and/or remove tags on many records at once.</summary>
public sealed record BulkTagRequest
{
    public const int MaxIds = 1000;

    [Required] public List<Guid>? Ids { get; init; }
    public List<string>? Add { get; init; }
    public List<string>? Remove { get; init; }
}

/// <summary>
/// The outcome per record: <c>updated</c> changed, <c>unchanged</c> already as asked, <c>skipped</c> not changed
/// with a reason (<c>notFound</c>: no such record you may edit; <c>tooManyTags</c>).
/// </summary>
public sealed record BulkTagResponse(IReadOnlyList<Guid> Updated, IReadOnlyList<Guid> Unchanged, IReadOnlyList<BulkTagSkip> Skipped);

public sealed record BulkTagSkip(Guid Id, string Reason);
