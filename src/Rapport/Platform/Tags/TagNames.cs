using System.Text.RegularExpressions;

namespace Rapport.Platform.Tags;

/// <summary>The rules for tag names and colours, shared by every tagged record type and the catalogue.</summary>
public static partial class TagNames
{
    public const int MaxCount = 50;
    public const int MaxLength = 50;
    public const string DefaultColor = "#757575";

    /// <summary>Colours a new tag gets, picked by its name so the same name always starts with the same colour.</summary>
    private static readonly string[] Palette =
        ["#1e88e5", "#43a047", "#e53935", "#8e24aa", "#fb8c00", "#00897b", "#6d4c41", "#3949ab", "#c0ca33", "#d81b60"];

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Trimmed, empty ones dropped, de-duplicated ignoring case (the first spelling wins).</summary>
    public static List<string> Clean(IEnumerable<string?>? tags) =>
        (tags ?? []).Where(t => t is not null).Select(t => t!.Trim()).Where(t => t.Length > 0)
            .DistinctBy(Normalize).ToList();

    public static string? Problem(IReadOnlyCollection<string?>? tags)
    {
        if (tags is null) return null;
        if (tags.Count > MaxCount) return $"At most {MaxCount} tags.";
        return tags.Any(t => t is null || t.Trim().Length > MaxLength) ? $"Each tag is 1 to {MaxLength} characters." : null;
    }

    public static string? NameProblem(string? name) =>
        name is null || name.Trim().Length is 0 or > MaxLength ? $"A tag name is 1 to {MaxLength} characters." : null;

    public static bool IsColor(string? color) => color is not null && ColorPattern().IsMatch(color);

    public static string ColorFor(string normalizedName)
    {
        // FNV-1a: string.GetHashCode differs from process to process.
        var hash = 2166136261u;
        foreach (var c in normalizedName) hash = (hash ^ c) * 16777619u;
        return Palette[hash % (uint)Palette.Length];
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
