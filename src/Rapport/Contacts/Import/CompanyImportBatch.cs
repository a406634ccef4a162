using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Activities.Import;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Duplicates;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Import;

/// <summary>
/// A batch of company rows: duplicates are the companies the importer can see with the same normalised domain, or
/// else the same normalised name (the indexed keys the duplicate check uses). A row's notes become a note on the
/// company's timeline, written with the batch's new companies.
/// </summary>
public sealed class CompanyImportBatch(IServiceProvider services, DuplicateStrategy strategy)
    : ImportBatch<CompanyImportRow>(services, strategy)
{
    private readonly List<Company> creates = [];
    private readonly List<(Guid CompanyId, string Text)> notes = [];

    protected override string CustomFieldObject => CustomFieldObjects.KeyOf<Company>();

    protected override async Task<Dictionary<string, Guid>> ExistingAsync(List<CompanyImportRow> rows, CancellationToken ct)
    {
        var readable = Services.GetRequiredService<CompanyService>().Readable().AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
        var existing = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var domains = rows.Select(r => r.DomainKey).OfType<string>().Distinct().ToList();
        if (domains.Count > 0)
        {
            // Domains are stored lower-case (CompanyService, ContactImporter), so the index on Domain answers.
            foreach (var c in await readable.Where(c => c.Domain != null && domains.Contains(c.Domain)).Select(c => new { c.Id, c.Domain }).ToListAsync(ct))
                existing.TryAdd(CompanyImportRow.DomainPrefix + new CompanyFacts(c.Id, "", c.Domain).DomainKey, c.Id);
        }
        var names = rows.Select(r => r.NameKey).OfType<string>().Distinct().ToList();
        if (names.Count > 0)
        {
            foreach (var c in await readable.Where(c => names.Contains(EF.Property<string>(c, DuplicateKeys.CompanyName))).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                existing.TryAdd(CompanyImportRow.NamePrefix + DuplicateKeys.Name(c.Name), c.Id);
        }
        return existing;
    }

    /// <summary>A row without an owner is owned by the importer (<see cref="ContactImporter"/> fills it in).</summary>
    protected override void Add(CompanyImportRow row, Guid? ownerId, string? customFields)
    {
        var input = row.Input;
        var address = input.Address ?? new Shared.PostalAddress();
        var company = new Company
        {
            Name = input.Name!,
            Domain = input.Domain,
            Industry = input.Industry,
            EmployeeCount = input.EmployeeCount,
            AnnualRevenue = input.AnnualRevenue is { } money ? decimal.Round(money.Amount, 2) : null,
            AnnualRevenueCurrency = input.AnnualRevenue?.Currency,
            Street = address.Street,
            City = address.City,
            Region = address.Region,
            PostalCode = address.PostalCode,
            Country = address.Country,
            Phone = input.Phone,
            OwnerId = ownerId,
            Tags = input.Tags ?? [],
            CustomFields = customFields,
        };
        creates.Add(company);
        if (row.Notes is { } text) notes.Add((company.Id, text));
    }

    protected override async Task UpdateAsync(Guid id, CompanyImportRow row, Guid? ownerId, CancellationToken ct)
    {
        await Services.GetRequiredService<CompanyService>().UpdateAsync(id, null, current => Merge(current, row.Input, ownerId), ct);
        if (row.Notes is { } text) notes.Add((id, text));
    }

    protected override async Task WriteAsync(CancellationToken ct)
    {
        if (creates.Count > 0)
            await Services.GetRequiredService<ContactImporter>().ImportAsync(creates, [], refreshStatistics: false, ct);
        if (notes.Count == 0) return;
        var now = Timestamps.UtcNow(Services.GetRequiredService<TimeProvider>());
        var owner = Services.GetRequiredService<CurrentActor>().UserId;
        var activities = notes.Select(n => new Activity
        {
            Type = ActivityType.Note,
            Body = n.Text,
            Channel = ActivityRules.DefaultChannel(ActivityType.Note),
            OccurredAt = now,
            OwnerId = owner,
            Links = [new RecordLink(LinkedRecordType.Company, n.CompanyId)],
        });
        await Services.GetRequiredService<ActivityImporter>().ImportAsync(activities, refreshStatistics: false, ct);
    }

    /// <summary>The row's non-empty values over the existing company; tags are added to its own.</summary>
    private static CompanyInput Merge(CompanyInput current, CompanyInput row, Guid? ownerId) => current with
    {
        Name = row.Name ?? current.Name,
        Domain = row.Domain ?? current.Domain,
        Industry = row.Industry ?? current.Industry,
        EmployeeCount = row.EmployeeCount ?? current.EmployeeCount,
        AnnualRevenue = row.AnnualRevenue ?? current.AnnualRevenue,
        Address = Overlay(current.Address, row.Address),
        Phone = row.Phone ?? current.Phone,
        OwnerId = ownerId ?? current.OwnerId,
        Tags = row.Tags is null ? current.Tags : [.. current.Tags ?? [], .. row.Tags],
        CustomFields = Overlay(current.CustomFields, row.CustomFields),
    };
}
