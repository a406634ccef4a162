using System.Text.Json;
using Rapport.Contacts.Shared;
using Rapport.Platform.Api;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

public sealed record BatchOutcome(int Created, int Updated, int Skipped, List<ImportRowError> Errors);

/// <summary>
/// One batch of an import, whatever the record type. Rows with errors are reported and left out; the others are
/// matched by their <see cref="ImportedRow.MatchKeys"/> against the records the importer can see and the earlier
/// rows of the file, then skipped, updated (through the type's service, one by one) or created (gathered and
/// written through the bulk path at the end) per the strategy.
/// </summary>
public abstract class ImportBatch<TRow>(IServiceProvider services, DuplicateStrategy strategy) where TRow : ImportedRow
{
    protected IServiceProvider Services => services;

    /// <summary>The record type's key among <see cref="CustomFieldObjects"/>.</summary>
    protected abstract string CustomFieldObject { get; }

    /// <summary>Looks up, for all rows at once, what they refer to (contacts: their companies).</summary>
    protected virtual Task PrepareAsync(List<TRow> rows, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Why the row cannot be imported, found only after <see cref="PrepareAsync"/>; null when it can.</summary>
    protected virtual ImportRowError? Problem(TRow row) => null;

    /// <summary>Match key → id of the existing record the importer can see (the oldest when several share a key).</summary>
    protected abstract Task<Dictionary<string, Guid>> ExistingAsync(List<TRow> rows, CancellationToken ct);

    /// <summary>Gathers a new record; <paramref name="customFields"/> is its stored JSON, defaults filled in.</summary>
    protected abstract void Add(TRow row, Guid? ownerId, string? customFields);

    /// <summary>Writes the row's non-empty values over an existing record, through the type's service.</summary>
    protected abstract Task UpdateAsync(Guid id, TRow row, Guid? ownerId, CancellationToken ct);

    /// <summary>Writes what <see cref="Add"/> gathered (and anything else the rows asked for) once the rows are done.</summary>
    protected abstract Task WriteAsync(CancellationToken ct);

    public async Task<BatchOutcome> RunAsync(IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var errors = rows.SelectMany(r => r.Errors).ToList();
        var valid = rows.Where(r => r.Errors.Count == 0).ToList();
        await PrepareAsync(valid, ct);
        var ownerLookup = services.GetRequiredService<ImportOwners>();
        var owners = await ownerLookup.ResolveAsync(valid, ct);
        var existing = strategy == DuplicateStrategy.Create ? [] : await ExistingAsync(valid, ct);
        var customFields = await services.GetRequiredService<CustomFieldValues>().DefinitionsAsync(CustomFieldObject, ct);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int created = 0, updated = 0, skipped = 0;
        foreach (var row in valid)
        {
            if (Problem(row) is { } problem)
            {
                errors.Add(problem);
                continue;
            }
            if (ownerLookup.Problem(row, owners, out var ownerId) is { } ownerProblem)
            {
                errors.Add(new(row.Number, row.OwnerColumn, ownerProblem));
                continue;
            }
            Guid? match = null;
            var duplicate = false;
            if (strategy != DuplicateStrategy.Create)
            {
                match = row.MatchKeys.Select(k => existing.TryGetValue(k, out var id) ? id : (Guid?)null).FirstOrDefault(id => id is not null);
                duplicate = match is not null || row.MatchKeys.Any(seen.Contains);
                seen.UnionWith(row.MatchKeys);
            }
            if (!duplicate)
            {
                // Bulk-written rows get their defaults and required fields checked here, as the service would.
                var problems = new Dictionary<string, string[]>();
                var values = CustomFieldValues.Merge(CustomFieldObject, customFields, null, row.CustomFields, isNew: true, problems);
                if (problems.Count > 0)
                {
                    errors.Add(new(row.Number, null, string.Join(" ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}."))));
                    continue;
                }
                Add(row, ownerId, values);
                created++;
                continue;
            }
            if (strategy == DuplicateStrategy.Skip || match is not { } existingId)
            {
                skipped++;
                continue;
            }
            try
            {
                await UpdateAsync(existingId, row, ownerId, ct);
                updated++;
            }
            catch (Exception failure) when (failure is RequestValidationException or ForbiddenException or NotFoundException)
            {
                errors.Add(new(row.Number, null, failure is RequestValidationException invalid
                    ? string.Join(" ", invalid.Errors.SelectMany(e => e.Value)) : failure.Message));
            }
        }
        await WriteAsync(ct);
        return new BatchOutcome(created, updated, skipped, errors);
    }

    /// <summary>The row's custom values over the record's; the record's others stay.</summary>
    protected static Dictionary<string, JsonElement>? Overlay(Dictionary<string, JsonElement>? current, Dictionary<string, JsonElement>? row)
    {
        if (row is null) return current;
        var result = new Dictionary<string, JsonElement>(current ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in row) result[name] = value;
        return result;
    }

    /// <summary>The row's address lines over the record's, line by line.</summary>
    protected static PostalAddress Overlay(PostalAddress? current, PostalAddress? row)
    {
        current ??= new PostalAddress();
        row ??= new PostalAddress();
        return new PostalAddress
        {
            Street = row.Street ?? current.Street,
            City = row.City ?? current.City,
            Region = row.Region ?? current.Region,
            PostalCode = row.PostalCode ?? current.PostalCode,
            Country = row.Country ?? current.Country,
        };
    }
}
