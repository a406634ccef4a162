using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Contacts.Shared;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>
/// A batch of contact rows: companies are named by name among those the importer can see, duplicates are matched
/// by normalised primary email among the contacts the importer can see.
/// </summary>
public sealed class ContactImportBatch(IServiceProvider services, DuplicateStrategy strategy)
    : ImportBatch<ContactImportRow>(services, strategy)
{
    private Dictionary<string, Guid> companies = [];
    private readonly List<Contact> creates = [];

    protected override string CustomFieldObject => CustomFieldObjects.KeyOf<Contact>();

    protected override async Task PrepareAsync(List<ContactImportRow> rows, CancellationToken ct)
    {
        var names = rows.Select(r => r.CompanyName?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        if (names.Count == 0) return;
        var found = await Services.GetRequiredService<CompanyService>().Readable().AsNoTracking()
            .Where(c => names.Contains(c.Name.ToLower()))
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        companies = found.GroupBy(c => c.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
    }

    protected override ImportRowError? Problem(ContactImportRow row) =>
        row.CompanyName is { } name && !companies.ContainsKey(name.ToLowerInvariant())
            ? new(row.Number, row.CompanyColumn, $"No company named '{name}' that you can see.")
            : null;

    private Guid? CompanyOf(ContactImportRow row) => row.CompanyName is { } name ? companies[name.ToLowerInvariant()] : null;

    protected override async Task<Dictionary<string, Guid>> ExistingAsync(List<ContactImportRow> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.EmailKey).OfType<string>().Distinct().ToList();
        if (keys.Count == 0) return [];
        var found = await Services.GetRequiredService<ContactService>().Readable().AsNoTracking()
            .Where(c => c.PrimaryEmail != null && keys.Contains(c.PrimaryEmail.ToLower()))
            .OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.PrimaryEmail }).ToListAsync(ct);
        return found.GroupBy(c => ContactImportRow.Normalize(c.PrimaryEmail!)).ToDictionary(g => g.Key, g => g.First().Id);
    }

    /// <summary>A row without an owner is owned by the importer (<see cref="ContactImporter"/> fills it in).</summary>
    protected override void Add(ContactImportRow row, Guid? ownerId, string? customFields)
    {
        var input = row.Input;
        var address = input.Address ?? new PostalAddress();
        var contact = new Contact
        {
            FirstName = input.FirstName ?? "",
            LastName = input.LastName ?? "",
            JobTitle = input.JobTitle,
            CompanyId = CompanyOf(row),
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
            CustomFields = customFields,
        };
        contact.SetEmails([.. (input.Emails ?? []).Select(e => new ContactEmail(e.Address!, null, true))]);
        contact.SetPhones([.. (input.Phones ?? []).Select(p => new ContactPhone(p.Number!, null, true))]);
        creates.Add(contact);
    }

    protected override Task UpdateAsync(Guid id, ContactImportRow row, Guid? ownerId, CancellationToken ct) =>
        Services.GetRequiredService<ContactService>().UpdateAsync(id, null, current => Merge(current, row.Input, CompanyOf(row), ownerId), ct);

    protected override async Task WriteAsync(CancellationToken ct)
    {
        if (creates.Count > 0)
            await Services.GetRequiredService<ContactImporter>().ImportAsync([], creates, refreshStatistics: false, ct);
    }

    /// <summary>The row's non-empty values over the existing contact; an email already on it is not added twice.</summary>
    private static ContactInput Merge(ContactInput current, ContactInput row, Guid? companyId, Guid? ownerId)
    {
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
            Address = Overlay(current.Address, row.Address),
            LifecycleStage = row.LifecycleStage ?? current.LifecycleStage,
            Source = row.Source ?? current.Source,
            Tags = row.Tags is null ? current.Tags : [.. current.Tags ?? [], .. row.Tags],
            Notes = row.Notes ?? current.Notes,
            CustomFields = Overlay(current.CustomFields, row.CustomFields),
        };
    }
}
