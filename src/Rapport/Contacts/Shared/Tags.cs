using Rapport.Platform.Tags;

namespace Rapport.Contacts.Shared;

/// <summary>Tag lists are trimmed, de-duplicated ignoring case, and bounded (the platform's <see cref="TagNames"/> rules).</summary>
public static class Tags
{
    public const int MaxCount = TagNames.MaxCount;
    public const int MaxLength = TagNames.MaxLength;

    public static List<string> Normalize(IEnumerable<string>? tags) => TagNames.Clean(tags);

    public static string? Problem(IReadOnlyCollection<string>? tags) => TagNames.Problem(tags);
}
