using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Api;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

public sealed record BatchOutcome(int Created, int Updated, int Skipped, List<ImportRowError> Errors);

/// <summary>
/// One batch of an import: names companies by name among those the importer can see, matches duplicates by
/// normalised primary email among the contacts the importer can see, then skips, updates or creates per the
/// strategy. Rows with errors are reported and left out; the others are written.
/// </summary>
public sealed class ImportBatch(IServiceProvider services, DuplicateStrategy strategy)
{
    public async Task<BatchOutcome> RunAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var errors = rows.SelectMany(r => r.Errors).ToList();
        var valid = rows.Where(r => r.Errors.Count == 0).ToList();
        var companies = await CompaniesAsync(valid, ct);
        var ownerLookup = services.GetRequiredService<ImportOwners>();
        var owners = await ownerLookup.ResolveAsync(valid, ct);
        var existing = strategy == DuplicateStrategy.Create ? [] : await ExistingAsync(valid, ct);
        var contacts = services.GetRequiredService<ContactService>();
        var customFields = await services.GetRequiredService<CustomFieldValues>().DefinitionsAsync(CustomFieldObjects.KeyOf<Contact>(), ct);

        var creates = new List<Contact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int updated = 0, skipped = 0;
        foreach (var row in valid)
        {
            Guid? companyId = null;
            if (row.CompanyName is { } name)
            {
                if (!companies.TryGetValue(name.ToLowerInvariant(), out var id))
                {
                    errors.Add(new(row.Number, row.CompanyColumn, $"No company named '{name}' that you can see."));
                    continue;
                }
                companyId = id;
            }
            if (ownerLookup.Problem(row, owners, out var ownerId) is { } ownerProblem)
            {
                errors.Add(new(row.Number, row.OwnerColumn, ownerProblem));
                continue;
            }
            var key = row.EmailKey;
            var duplicate = key is not null && strategy != DuplicateStrategy.Create && (existing.ContainsKey(key) || !seen.Add(key));
            if (!duplicate || strategy == DuplicateStrategy.Create)
            {
                // Bulk-written rows get their defaults and required fields checked here, as the service would.
                var problems = new Dictionary<string, string[]>();
                var values = CustomFieldValues.Merge(CustomFieldObjects.KeyOf<Contact>(), customFields, null, row.Input.CustomFields, isNew: true, problems);
                if (problems.Count > 0)
                {
                    errors.Add(new(row.Number, null, string.Join(" ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}."))));
                    continue;
                }
                var contact = ToContact(row.Input, companyId, ownerId);
                contact.CustomFields = values;
                creates.Add(contact);
                continue;
            }
            if (strategy == DuplicateStrategy.Skip || !existing.TryGetValue(key!, out var existingId))
            {
                skipped++;
                continue;
            }
            try
            {
                await contacts.UpdateAsync(existingId, null, current => Merge(current, row.Input, companyId, ownerId), ct);
                updated++;
            }
            catch (Exception failure) when (failure is RequestValidationException or ForbiddenException or NotFoundException)
            {
                errors.Add(new(row.Number, null, failure is RequestValidationException invalid
                    ? string.Join(" ", invalid.Errors.SelectMany(e => e.Value)) : failure.Message));
            }
        }
        if (creates.Count > 0)
            await services.GetRequiredService<ContactImporter>().ImportAsync([], creates, refreshStatistics: false, ct);
        return new BatchOutcome(creates.Count, updated, skipped, errors);
    }

    private async Task<Dictionary<string, Guid>> CompaniesAsync(List<ImportRow> rows, CancellationToken ct)
    {
        var names = rows.Select(r => r.CompanyName?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        if (names.Count == 0) return [];
        var found = await services.GetRequiredService<CompanyService>().Readable().AsNoTracking()
            .Where(c => names.Contains(c.Name.ToLower()))
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return found.GroupBy(c => c.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
    }

    private async Task<Dictionary<string, Guid>> ExistingAsync(List<ImportRow> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.EmailKey).OfType<string>().Distinct().ToList();
        if (keys.Count == 0) return [];
        var found = await services.GetRequiredService<ContactService>().Readable().AsNoTracking()
            .Where(c => c.PrimaryEmail != null && keys.Contains(c.PrimaryEmail.ToLower()))
            .OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.PrimaryEmail }).ToListAsync(ct);
        return found.GroupBy(c => ImportRow.Normalize(c.PrimaryEmail!)).ToDictionary(g => g.Key, g => g.First().Id);
    }

    /// <summary>The row's non-empty values over the existing contact; an email already on it is not added twice.</summary>
    private static ContactInput Merge(ContactInput current, ContactInput row, Guid? companyId, Guid? ownerId)
    {
        var address = current.Address ?? new Shared.PostalAddress();
        var rowAddress = row.Address ?? new Shared.PostalAddress();
        var phones = current.Phones ?? [];
        if (row.Phones is [{ Number: { } number }, ..] && !phones.Any(p => p.Number == number))
            phones = [.. phones, new PhoneInput { Number = number, Primary = phones.Count == 0 }];
        return current with
        {
            FirstName = row.FirstName ?? current.FirstName,
            LastName = row.LastName ?? current.LastName,
            Phones = phones,
            JobTitle = row.JobTitle ?? current.JobTitle,
            CompanyId = companyId ?? current.CompanyId,
            OwnerId = ownerId ?? current.OwnerId,
            Address = new Shared.PostalAddress
            {
                Street = rowAddress.Street ?? address.Street,
                City = rowAddress.City ?? address.City,
                Region = rowAddress.Region ?? address.Region,
                PostalCode = rowAddress.PostalCode ?? address.PostalCode,
                Country = rowAddress.Country ?? address.Country,
            },
            LifecycleStage = row.LifecycleStage ?? current.LifecycleStage,
            Source = row.Source ?? current.Source,
            Tags = row.Tags is null ? current.Tags : [.. current.Tags ?? [], .. row.Tags],
            Notes = row.Notes ?? current.Notes,
            CustomFields = row.CustomFields is null ? current.CustomFields : Overlay(current.CustomFields, row.CustomFields),
        };
    }

    private static Dictionary<string, System.Text.Json.JsonElement> Overlay(Dictionary<string, System.Text.Json.JsonElement>? current,
        Dictionary<string, System.Text.Json.JsonElement> row)
    {
        var result = new Dictionary<string, System.Text.Json.JsonElement>(current ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in row) result[name] = value;
        return result;
    }

    /// <summary>A row without an owner is owned by the importer (<see cref="ContactImporter"/> fills it in).</summary>
    private static Contact ToContact(ContactInput input, Guid? companyId, Guid? ownerId)
    {
        var address = input.Address ?? new Shared.PostalAddress();
        var contact = new Contact
        {
            FirstName = input.FirstName ?? "",
            LastName = input.LastName ?? "",
            JobTitle = input.JobTitle,
            CompanyId = companyId,
            OwnerId = ownerId,
            Street = address.Street,
            City = address.City,
            Region = address.Region,
            PostalCode = address.PostalCode,
            Country = address.Country,
            LifecycleStage = input.LifecycleStage ?? LifecycleStage.Lead,
            Source = input.Source,
            Tags = input.Tags ?? [],
            Notes = input.Notes,
        };
        contact.SetEmails([.. (input.Emails ?? []).Select(e => new ContactEmail(e.Address!, null, true))]);
        contact.SetPhones([.. (input.Phones ?? []).Select(p => new ContactPhone(p.Number!, null, true))]);
        return contact;
    }
}
