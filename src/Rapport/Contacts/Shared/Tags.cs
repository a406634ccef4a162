namespace Rapport.Contacts.Shared;

/// <summary>Tag lists are trimmed, de-duplicated ignoring case, and bounded.</summary>
public static class Tags
{
    public const int MaxCount = 50;
    public const int MaxLength = 50;

    public static List<string> Normalize(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0)
            .DistinctBy(t => t.ToLowerInvariant()).ToList();

    public static string? Problem(IReadOnlyCollection<string>? tags)
    {
        if (tags is null) return null;
        if (tags.Count > MaxCount) return $"At most {MaxCount} tags.";
        return tags.Any(t => t is null || t.Trim().Length > MaxLength) ? $"Each tag is 1 to {MaxLength} characters." : null;
    }
}
