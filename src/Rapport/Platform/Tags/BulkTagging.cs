using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Tags;

/// <summary>
/// Adds and removes tags on up to <see cref="BulkTagRequest.MaxIds"/> records of one type in one transaction,
/// touching only records the caller may edit. Others are reported as skipped with the same reason whether they
/// do not exist or belong to someone else, so the answer reveals nothing about them.
/// </summary>
public sealed class BulkTagging(RapportDb db, RecordAccess access, CurrentActor actor)
{
    public async Task<BulkTagResponse> ApplyAsync(TaggedRecordType type, BulkTagRequest request, CancellationToken ct)
    {
        if (Permissions.ReachOf(actor.Principal, Operation.Edit) == Reach.None)
            throw new ForbiddenException($"Your role does not allow you to edit {type.Singular} records.");
        var ids = Validate(request);
        var add = TagNames.Clean(request.Add);
        var remove = TagNames.Clean(request.Remove).Select(TagNames.Normalize).ToHashSet();
        var records = (await type.EditableAsync(db, access, ids, ct)).ToDictionary(r => r.Id);
        var updated = new List<Guid>();
        var unchanged = new List<Guid>();
        var skipped = new List<BulkTagSkip>();
        foreach (var id in ids)
        {
            if (!records.TryGetValue(id, out var record))
            {
                skipped.Add(new BulkTagSkip(id, "notFound"));
                continue;
            }
            var current = type.TagsOf(record);
            var next = TagNames.Clean(current.Where(t => !remove.Contains(TagNames.Normalize(t))).Concat(add));
            if (next.Count > TagNames.MaxCount) skipped.Add(new BulkTagSkip(id, "tooManyTags"));
            else if (next.Select(TagNames.Normalize).SequenceEqual(current.Select(TagNames.Normalize))) unchanged.Add(id);
            else
            {
                db.Entry(record).Property(type.Property.Name).CurrentValue = next;
                updated.Add(id);
            }
        }
        // One SaveChanges is one transaction: every record changes, or none does.
        await db.SaveChangesAsync(ct);
        return new BulkTagResponse(updated, unchanged, skipped);
    }

    private static List<Guid> Validate(BulkTagRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var ids = (request.Ids ?? []).Distinct().ToList();
        if (ids.Count == 0) errors["ids"] = ["Name at least one record."];
        else if (ids.Count > BulkTagRequest.MaxIds) errors["ids"] = [$"At most {BulkTagRequest.MaxIds} records at a time."];
        if (TagNames.Problem(request.Add) is { } addProblem) errors["add"] = [addProblem];
        if (TagNames.Problem(request.Remove) is { } removeProblem) errors["remove"] = [removeProblem];
        var add = TagNames.Clean(request.Add);
        var remove = TagNames.Clean(request.Remove);
        if (add.Count == 0 && remove.Count == 0 && !errors.ContainsKey("add") && !errors.ContainsKey("remove"))
            errors["add"] = ["Name at least one tag to add or remove."];
        if (add.Select(TagNames.Normalize).Intersect(remove.Select(TagNames.Normalize)).FirstOrDefault() is { } both)
            errors["remove"] = [$"'{both}' is both added and removed."];
        RequestValidator.ThrowIfInvalid(request, errors);
        return ids;
    }
}
