using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Import;

/// <summary>
/// Resolves an import's owner column: a cell names an active user by email or by display name (ignoring case).
/// A role that may only create its own records may only name itself, as in the API.
/// </summary>
public sealed class ImportOwners(RapportDb db, CurrentActor actor)
{
    /// <summary>Owner text (lower case) → user id, for the texts that name exactly one active user.</summary>
    public async Task<Dictionary<string, Guid>> ResolveAsync(IEnumerable<ImportedRow> rows, CancellationToken ct)
    {
        var texts = rows.Select(r => r.OwnerText?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        if (texts.Count == 0) return [];
        var upper = texts.Select(t => t.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Where(u => upper.Contains(u.NormalizedEmail!) || texts.Contains(u.DisplayName.ToLower()))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var resolved = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var byEmail = users.Where(u => string.Equals(u.Email, text, StringComparison.OrdinalIgnoreCase)).ToList();
            var matches = byEmail.Count > 0 ? byEmail : users.Where(u => string.Equals(u.DisplayName, text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1) resolved[text] = matches[0].Id;
        }
        return resolved;
    }

    /// <summary>Why this row's owner cannot be used, or null when it can (or when the row names none).</summary>
    public string? Problem(ImportedRow row, IReadOnlyDictionary<string, Guid> resolved, out Guid? owner)
    {
        owner = null;
        if (row.OwnerText is not { } text) return null;
        if (!resolved.TryGetValue(text.ToLowerInvariant(), out var id))
            return $"'{Shorten(text)}' does not name one active user (use their email).";
        if (id != actor.UserId && Permissions.ReachOf(actor.Principal, Operation.Create) != Reach.All)
            return "Your role may only assign records to yourself.";
        owner = id;
        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
