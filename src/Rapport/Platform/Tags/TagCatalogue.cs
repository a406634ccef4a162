using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Tags;

/// <summary>Adds names to the catalogue and reads back their catalogue spelling.</summary>
public static class TagCatalogue
{
    /// <summary>
    /// Makes sure every name has a catalogue row and returns each one's spelling by normalised name. The insert
    /// ignores names already there (INSERT ... ON CONFLICT DO NOTHING, which both databases understand), so two
    /// saves that use a new tag at the same moment both succeed and share one row.
    /// </summary>
    public static async Task<Dictionary<string, string>> EnsureAsync(RapportDb db, IReadOnlyCollection<string> names,
        Guid? actorId, DateTime now, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length is > 0 and <= TagNames.MaxLength)
            .DistinctBy(TagNames.Normalize).ToList();
        var normalized = wanted.Select(TagNames.Normalize).ToList();
        var known = await db.Set<Tag>().AsNoTracking().Where(t => normalized.Contains(t.NormalizedName))
            .ToDictionaryAsync(t => t.NormalizedName, t => t.Name, ct);
        foreach (var name in wanted.Where(n => !known.ContainsKey(TagNames.Normalize(n))))
        {
            var key = TagNames.Normalize(name);
            var id = Guid.CreateVersion7();
            var color = TagNames.ColorFor(key);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "Tags" ("Id", "Name", "NormalizedName", "Color", "Version", "CreatedAt", "CreatedById", "UpdatedAt", "UpdatedById")
                VALUES ({id}, {name}, {key}, {color}, 1, {now}, {actorId}, {now}, {actorId})
                ON CONFLICT ("NormalizedName") DO NOTHING
                """, ct);
            known[key] = (await db.Set<Tag>().AsNoTracking().Where(t => t.NormalizedName == key).Select(t => t.Name).FirstOrDefaultAsync(ct)) ?? name;
        }
        return known;
    }
}
