using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Shared;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;
using Rapport.Platform.Documents;

namespace Rapport.Contacts.People;

/// <summary>Every change to contacts, from the API and the UI alike, with permission checks and validation.</summary>
public sealed class ContactService(RapportDb db, RecordAccess access, ListQuery lists, DocumentService documents,
    CustomFieldValues customFields)
    : IRecordService<Contact, ContactInput, ContactResponse>, IRecordResponseReader<ContactResponse>
{
    private const string What = "contact";

    public IQueryable<Contact> Readable() => access.Readable(db.Contacts).Include(c => c.Company);

    public Task<Page<ContactResponse>> ListAsync(ListRequest request, CancellationToken ct) =>
        lists.PageAsync(access.Readable(db.Contacts), request, ContactFields.All, ContactFields.DefaultSort, ContactResponse.From, ct,
            ContactProjection.Response);

    public async Task<Contact> GetAsync(Guid id, CancellationToken ct) =>
        await Readable().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw Missing(id);

    public async Task<(ContactResponse Response, int Version)> ReadAsync(Guid id, CancellationToken ct)
    {
        var contact = await ContactById.ReadAsync(db, access, id, ct) ?? throw Missing(id);
        return (ContactResponse.From(contact), contact.Version);
    }

    public async Task<Contact> CreateAsync(ContactInput input, CancellationToken ct)
    {
        var contact = new Contact();
        await ApplyAsync(contact, input, isNew: true, ct);
        access.Demand(contact, Operation.Create, What);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<Contact> UpdateAsync(Guid id, int? expectedVersion, Func<ContactInput, ContactInput> change, CancellationToken ct)
    {
        var contact = await Readable().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw Missing(id);
        access.Demand(contact, Operation.Edit, What);
        if (expectedVersion is { } v && v != contact.Version)
            throw new PreconditionFailedException($"The contact has changed since version {v} (now {contact.Version}). Reload and reapply.");
        await ApplyAsync(contact, change(ContactResponse.ToInput(contact)), isNew: false, ct);
        access.Demand(contact, Operation.Edit, What);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task DeleteAsync(Guid id, Action<Contact>? precondition, CancellationToken ct)
    {
        var contact = await Readable().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw Missing(id);
        access.Demand(contact, Operation.Delete, What);
        precondition?.Invoke(contact);
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        // Its documents could no longer be reached (access goes through the record): remove them and their files.
        await documents.DeleteForRecordAsync(LinkedRecordType.Contact, id, ct);
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid id, CancellationToken ct)
    {
        return await History.ForVisibleAsync(db, access, Readable(), id, What, ct);
    }

    /// <summary>The contacts of a company the caller can see, for the company page.</summary>
    public Task<List<Contact>> OfCompanyAsync(Guid companyId, int take, CancellationToken ct) =>
        Readable().AsNoTracking().Where(c => c.CompanyId == companyId)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(take).ToListAsync(ct);

    private async Task ApplyAsync(Contact contact, ContactInput input, bool isNew, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var emails = (input.Emails ?? []).Where(e => e is not null).ToList();
        var phones = (input.Phones ?? []).Where(p => p is not null).ToList();
        if (string.IsNullOrWhiteSpace(input.FirstName) && string.IsNullOrWhiteSpace(input.LastName) && emails.Count == 0)
            errors["lastName"] = ["Give the contact a name or an email address."];
        if (emails.Count(e => e.Primary) > 1) errors["emails"] = ["Only one email can be primary."];
        if (phones.Count(p => p.Primary) > 1) errors["phones"] = ["Only one phone can be primary."];
        if (emails.Select(e => e.Address?.Trim().ToLowerInvariant()).Distinct().Count() < emails.Count)
            errors["emails"] = ["The same email address is listed twice."];
        if (Tags.Problem(input.Tags) is { } tagProblem) errors["tags"] = [tagProblem];
        if (input.CompanyId is { } companyId && companyId != contact.CompanyId
            && !await access.Readable(db.Companies).AnyAsync(c => c.Id == companyId, ct))
            errors["companyId"] = ["companyId does not name a company you can see."];
        var owner = await access.ResolveOwnerAsync(input.OwnerId, isNew, contact.OwnerId, errors, ct);
        var values = await customFields.ApplyAsync(contact, input.CustomFields, isNew, errors, ct);
        RequestValidator.ThrowIfInvalid(input, errors);

        contact.FirstName = CompanyService.Clean(input.FirstName) ?? "";
        contact.LastName = CompanyService.Clean(input.LastName) ?? "";
        var newEmails = emails.Select(e => new ContactEmail(e.Address!.Trim(), CompanyService.Clean(e.Label), e.Primary)).ToList();
        if (newEmails.Count > 0 && !newEmails.Any(e => e.Primary)) newEmails[0] = newEmails[0] with { Primary = true };
        if (!newEmails.SequenceEqual(contact.Emails)) contact.SetEmails(newEmails);
        var newPhones = phones.Select(p => new ContactPhone(p.Number!.Trim(), CompanyService.Clean(p.Label), p.Primary)).ToList();
        if (newPhones.Count > 0 && !newPhones.Any(p => p.Primary)) newPhones[0] = newPhones[0] with { Primary = true };
        if (!newPhones.SequenceEqual(contact.Phones)) contact.SetPhones(newPhones);
        contact.JobTitle = CompanyService.Clean(input.JobTitle);
        if (contact.CompanyId != input.CompanyId)
        {
            contact.CompanyId = input.CompanyId;
            contact.Company = input.CompanyId is { } id ? await db.Companies.FindAsync([id], ct) : null;
        }
        var address = input.Address ?? new PostalAddress();
        contact.Street = CompanyService.Clean(address.Street);
        contact.City = CompanyService.Clean(address.City);
        contact.Region = CompanyService.Clean(address.Region);
        contact.PostalCode = CompanyService.Clean(address.PostalCode);
        contact.Country = CompanyService.Clean(address.Country);
        contact.LifecycleStage = input.LifecycleStage ?? (isNew ? LifecycleStage.Lead : contact.LifecycleStage);
        contact.Source = CompanyService.Clean(input.Source);
        contact.OwnerId = owner;
        var tags = Tags.Normalize(input.Tags);
        if (!tags.SequenceEqual(contact.Tags)) contact.Tags = tags;
        contact.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes;
        if (values != contact.CustomFields) contact.CustomFields = values;
    }

    private static NotFoundException Missing(Guid id) => new($"No contact with id {id} that you can see.");
}
