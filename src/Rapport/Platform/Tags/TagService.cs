using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Tags;

/// <summary>
/// The tag catalogue: list with usage, autocomplete, create, rename and recolour, delete. Renaming and deleting
/// change every record carrying the tag, whoever owns it, so they need a role that edits all records
/// (Admin, Manager, Marketing, Support); reading the catalogue is open to every user.
/// </summary>
public sealed class TagService(RapportDb db, RecordAccess access, CurrentActor actor, TimeProvider clock)
{
    public const int MaxLimit = 1000;
    private const int Batch = 500;

    public async Task<TagList> ListAsync(string? q, int? limit, CancellationToken ct)
    {
        var take = limit ?? 200;
        if (take is < 1 or > MaxLimit) throw RequestValidationException.For("limit", $"limit must be between 1 and {MaxLimit}.");
        if (q is { Length: > TagNames.MaxLength }) throw RequestValidationException.For("q", $"q must be at most {TagNames.MaxLength} characters.");
        var prefix = string.IsNullOrWhiteSpace(q) ? null : TagNames.Normalize(q);
        // Names found on records but missing from the catalogue (written by the bulk import, or before the catalogue
        // existed) join it when the whole catalogue is listed, so the list shows every tag in use.
        if (prefix is null) await AddNamesInUseAsync(ct);
        var tags = db.Set<Tag>().AsNoTracking();
        if (prefix is not null) tags = tags.Where(t => t.NormalizedName.StartsWith(prefix));
        tags = tags.OrderBy(t => t.NormalizedName).Take(take);
        var rows = await tags.ToListAsync(ct);
        var usage = await UsageAsync(tags, ct);
        return new TagList(rows.Select(t => TagResponse.From(t, UsageOf(usage, t.Id))).ToList());
    }

    private async Task AddNamesInUseAsync(CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var type in TaggedRecords.All) names.AddRange(await type.NamesInUseAsync(db, ct));
        var known = await db.Set<Tag>().Select(t => t.NormalizedName).ToListAsync(ct);
        var missing = names.Where(n => !known.Contains(TagNames.Normalize(n))).ToList();
        if (missing.Count > 0) await TagCatalogue.EnsureAsync(db, missing, actor.UserId, Timestamps.UtcNow(clock), ct);
    }

    /// <summary>Catalogue names starting with what was typed, for autocomplete (no usage counts: cheap on every key).</summary>
    public Task<List<Tag>> SuggestAsync(string? typed, int take, CancellationToken ct)
    {
        var prefix = TagNames.Normalize(typed ?? "");
        var tags = db.Set<Tag>().AsNoTracking();
        if (prefix.Length > 0) tags = tags.Where(t => t.NormalizedName.StartsWith(prefix));
        return tags.OrderBy(t => t.NormalizedName).Take(take).ToListAsync(ct);
    }

    /// <summary>Every catalogue colour by normalised name, for chips.</summary>
    public Task<Dictionary<string, string>> ColorsAsync(CancellationToken ct) =>
        db.Set<Tag>().AsNoTracking().ToDictionaryAsync(t => t.NormalizedName, t => t.Color, ct);

    public async Task<TagResponse> GetAsync(Guid id, CancellationToken ct)
    {
        var tag = await db.Set<Tag>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw Missing(id);
        return TagResponse.From(tag, UsageOf(await UsageAsync(db.Set<Tag>().Where(t => t.Id == id), ct), id));
    }

    public async Task<TagResponse> CreateAsync(TagInput input, CancellationToken ct)
    {
        DemandCatalogueRights();
        Validate(input);
        var key = TagNames.Normalize(input.Name!);
        if (await db.Set<Tag>().AnyAsync(t => t.NormalizedName == key, ct))
            throw new ConflictException($"A tag named '{input.Name!.Trim()}' already exists.");
        var tag = new Tag { Name = input.Name!.Trim(), NormalizedName = key, Color = (input.Color ?? TagNames.ColorFor(key)).ToLowerInvariant() };
        db.Add(tag);
        await db.SaveChangesAsync(ct);
        return TagResponse.From(tag, UsageOf([], tag.Id));
    }

    /// <summary>Renames and/or recolours; a new name is written onto every record that carries the tag.</summary>
    public async Task<TagResponse> UpdateAsync(Guid id, int? expectedVersion, Func<TagInput, TagInput> change, CancellationToken ct)
    {
        DemandCatalogueRights();
        var tag = await db.Set<Tag>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw Missing(id);
        if (expectedVersion is { } v && v != tag.Version)
            throw new PreconditionFailedException($"The tag has changed since version {v} (now {tag.Version}). Reload and reapply.");
        var input = change(new TagInput { Name = tag.Name, Color = tag.Color });
        Validate(input);
        var name = input.Name!.Trim();
        var key = TagNames.Normalize(name);
        var oldKey = tag.NormalizedName;
        if (key != oldKey && await db.Set<Tag>().AnyAsync(t => t.NormalizedName == key, ct))
            throw new ConflictException($"A tag named '{name}' already exists; delete one of the two or choose another name.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var renamed = name != tag.Name;
        tag.Name = name;
        tag.NormalizedName = key;
        tag.Color = (input.Color ?? tag.Color).ToLowerInvariant();
        await db.SaveChangesAsync(ct);
        if (renamed) await RewriteRecordsAsync(oldKey, name, ct);
        await transaction.CommitAsync(ct);
        return TagResponse.From(tag, UsageOf(await UsageAsync(db.Set<Tag>().Where(t => t.Id == id), ct), id));
    }

    /// <summary>Removes the tag from every record that carries it, then from the catalogue.</summary>
    public async Task DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        DemandCatalogueRights();
        var tag = await db.Set<Tag>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw Missing(id);
        if (expectedVersion is { } v && v != tag.Version)
            throw new PreconditionFailedException($"The tag has changed since version {v} (now {tag.Version}). Reload before deleting.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RewriteRecordsAsync(tag.NormalizedName, null, ct);
        db.Remove(tag);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Replaces the tag (any spelling) with <paramref name="newName"/>, or drops it when null, in batches.</summary>
    private async Task RewriteRecordsAsync(string oldKey, string? newName, CancellationToken ct)
    {
        foreach (var type in TaggedRecords.All)
        {
            var ids = await type.Carrying(db, oldKey).Select(r => r.Id).ToListAsync(ct);
            foreach (var chunk in ids.Chunk(Batch))
            {
                var records = await type.Query(db).Where(r => chunk.Contains(r.Id)).ToListAsync(ct);
                foreach (var record in records)
                {
                    var tags = type.TagsOf(record)
                        .Select(t => TagNames.Normalize(t) == oldKey ? newName : t).OfType<string>();
                    db.Entry(record).Property(type.Property.Name).CurrentValue = TagNames.Clean(tags);
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Dictionary<string, Dictionary<Guid, int>>> UsageAsync(IQueryable<Tag> tags, CancellationToken ct)
    {
        var usage = new Dictionary<string, Dictionary<Guid, int>>();
        foreach (var type in TaggedRecords.All) usage[type.Plural] = await type.CountsAsync(db, access, tags, ct);
        return usage;
    }

    private static Dictionary<string, int> UsageOf(Dictionary<string, Dictionary<Guid, int>> usage, Guid id) =>
        TaggedRecords.All.ToDictionary(t => t.Plural, t => usage.GetValueOrDefault(t.Plural)?.GetValueOrDefault(id) ?? 0);

    private static void Validate(TagInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Name is not null && TagNames.NameProblem(input.Name) is { } problem) errors["name"] = [problem];
        RequestValidator.ThrowIfInvalid(input, errors);
    }

    private void DemandCatalogueRights()
    {
        if (Permissions.ReachOf(actor.Principal, Operation.Edit) != Reach.All)
            throw new ForbiddenException("Changing the tag catalogue edits every record that carries a tag; your role may not edit all records.");
    }

    private static NotFoundException Missing(Guid id) => new($"No tag with id {id}.");
}
