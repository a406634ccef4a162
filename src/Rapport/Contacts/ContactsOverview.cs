using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts;

public sealed record RecentRecord(string Kind, Guid Id, string Title, DateTime UpdatedAt, string Href);

public sealed record ContactsSummary(int Companies, int Contacts, IReadOnlyList<RecentRecord> RecentlyUpdated);

/// <summary>What the home page shows of companies and contacts: counts and the latest changes, within the caller's reach.</summary>
public sealed class ContactsOverview(RapportDb db, RecordAccess access)
{
    public async Task<ContactsSummary> GetAsync(int recent, CancellationToken ct)
    {
        var companies = access.Readable(db.Companies.AsNoTracking());
        var contacts = access.Readable(db.Contacts.AsNoTracking());
        var companyCount = await companies.CountAsync(ct);
        var contactCount = await contacts.CountAsync(ct);
        // Two small indexed top-N queries merged in memory beat a UNION across differently shaped tables.
        var latestCompanies = await companies.OrderByDescending(c => c.UpdatedAt).Take(recent)
            .Select(c => new { c.Id, c.Name, c.UpdatedAt }).ToListAsync(ct);
        var latestContacts = await contacts.OrderByDescending(c => c.UpdatedAt).Take(recent)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.UpdatedAt }).ToListAsync(ct);
        var merged = latestCompanies.Select(c => new RecentRecord("Company", c.Id, c.Name, c.UpdatedAt, $"/companies/{c.Id}"))
            .Concat(latestContacts.Select(c => new RecentRecord("Contact", c.Id, $"{c.FirstName} {c.LastName}".Trim(), c.UpdatedAt, $"/contacts/{c.Id}")))
            .OrderByDescending(r => r.UpdatedAt).Take(recent).ToList();
        return new ContactsSummary(companyCount, contactCount, merged);
    }
}
