using System.Text.RegularExpressions;

namespace Rapport.Platform.Notifications;

/// <summary>
/// Finds who a text mentions: "@" followed by a user's display name ("@Ada Lovelace") or the local part of their
/// email ("@ada"), not inside a word or an email address, and not running on into more letters.
/// </summary>
public static class Mentions
{
    public sealed record Candidate(Guid Id, string DisplayName, string? Email);

    public static IReadOnlySet<Guid> In(string? text, IEnumerable<Candidate> users)
    {
        var found = new HashSet<Guid>();
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal)) return found;
        foreach (var user in users)
        {
            var local = user.Email?.Split('@')[0];
            if (Mentioned(text, user.DisplayName) || Mentioned(text, local)) found.Add(user.Id);
        }
        return found;
    }

    private static bool Mentioned(string text, string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && Regex.IsMatch(text, $@"(?<![\w.@])@{Regex.Escape(name.Trim())}(?![\w@-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
