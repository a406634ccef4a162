using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Data;
using Rapport.Platform.Records;

namespace Rapport.Contacts.Overview;

/// <summary>
/// Builds the 360° view of a contact or company from the services that own each part, so every part applies the
/// caller's access: a company the caller cannot see is left out, a timeline shows only activities they may open.
/// </summary>
public sealed class RecordOverview(IServiceProvider services, RapportDb db, ContactService contacts, CompanyService companies,
    TimelineService timelines)
{
    public const int TimelineShown = 20, ContactsShown = 20;

    public async Task<ContactOverviewResponse> ForContactAsync(Guid id, CancellationToken ct)
    {
        var contact = await contacts.GetAsync(id, ct);
        // The contact's company may belong to someone whose records the caller cannot see.
        var company = contact.CompanyId is { } companyId
            ? await companies.Readable().AsNoTracking().Where(c => c.Id == companyId).Select(c => new RecordRef(c.Id, c.Name)).SingleOrDefaultAsync(ct)
            : null;
        return new ContactOverviewResponse(
            ContactResponse.From(contact),
            company,
            await OwnerAsync(contact.OwnerId, ct),
            await timelines.ForContactAsync(id, new TimelineRequest(null, null, TimelineShown, null), ct),
            await RecordPanels.LoadAllAsync(services, LinkedRecordType.Contact, id, ct));
    }

    public async Task<CompanyOverviewResponse> ForCompanyAsync(Guid id, CancellationToken ct)
    {
        var company = await companies.GetAsync(id, ct);
        var shown = await contacts.OfCompanyAsync(id, ContactsShown, ct);
        var count = await contacts.Readable().CountAsync(c => c.CompanyId == id, ct);
        return new CompanyOverviewResponse(
            CompanyResponse.From(company),
            await OwnerAsync(company.OwnerId, ct),
            count,
            [.. shown.Select(c => new RecordRef(c.Id, c.FullName))],
            await timelines.ForCompanyAsync(id, new TimelineRequest(null, null, TimelineShown, null), ct),
            await RecordPanels.LoadAllAsync(services, LinkedRecordType.Company, id, ct));
    }

    private async Task<RecordRef?> OwnerAsync(Guid? ownerId, CancellationToken ct) => ownerId is { } owner
        ? await db.Users.AsNoTracking().Where(u => u.Id == owner).Select(u => new RecordRef(u.Id, u.DisplayName)).SingleOrDefaultAsync(ct)
        : null;
}
