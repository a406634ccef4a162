using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Contacts.Shared;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;
using Rapport.Platform.Documents;

namespace Rapport.Contacts.Companies;

/// <summary>Every change to companies, from the API and the UI alike, with permission checks and validation.</summary>
public sealed class CompanyService(RapportDb db, RecordAccess access, ListQuery lists, DocumentService documents,
    CustomFieldValues customFields)
    : IRecordService<Company, CompanyInput, CompanyResponse>
{
    private const string What = "company";

    public IQueryable<Company> Readable() => access.Readable(db.Companies);

    public Task<Page<CompanyResponse>> ListAsync(ListRequest request, CancellationToken ct) =>
        lists.PageAsync(Readable(), request, CompanyFields.All, CompanyFields.DefaultSort, CompanyResponse.From, ct);

    public async Task<Company> GetAsync(Guid id, CancellationToken ct) =>
        await Readable().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException($"No company with id {id} that you can see.");

    public async Task<Company> CreateAsync(CompanyInput input, CancellationToken ct)
    {
        var company = new Company();
        await ApplyAsync(company, input, isNew: true, ct);
        access.Demand(company, Operation.Create, What);
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return company;
    }

    /// <summary>Applies a whole new writable document (the result of a merge patch or an edit form).</summary>
    public async Task<Company> UpdateAsync(Guid id, int? expectedVersion, Func<CompanyInput, CompanyInput> change, CancellationToken ct)
    {
        var company = await Readable().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException($"No company with id {id} that you can see.");
        access.Demand(company, Operation.Edit, What);
        if (expectedVersion is { } v && v != company.Version)
            throw new PreconditionFailedException($"The company has changed since version {v} (now {company.Version}). Reload and reapply.");
        var input = change(CompanyResponse.ToInput(company));
        await ApplyAsync(company, input, isNew: false, ct);
        access.Demand(company, Operation.Edit, What);
        await db.SaveChangesAsync(ct);
        return company;
    }

    public async Task DeleteAsync(Guid id, Action<Company>? precondition, CancellationToken ct)
    {
        var company = await Readable().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException($"No company with id {id} that you can see.");
        access.Demand(company, Operation.Delete, What);
        precondition?.Invoke(company);
        // Unlink the contacts here rather than leaving it to ON DELETE SET NULL in the database, which the
        // audit trail would never see: each contact's history shows that it lost its company, and why.
        foreach (var contact in await db.Contacts.Where(c => c.CompanyId == id).ToListAsync(ct)) contact.CompanyId = null;
        db.Companies.Remove(company);
        await db.SaveChangesAsync(ct);
        await documents.DeleteForRecordAsync(LinkedRecordType.Company, id, ct);
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid id, CancellationToken ct)
    {
        return await History.ForVisibleAsync(db, access, Readable(), id, What, ct);
    }

    private async Task ApplyAsync(Company company, CompanyInput input, bool isNew, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (Tags.Problem(input.Tags) is { } tagProblem) errors["tags"] = [tagProblem];
        var owner = await access.ResolveOwnerAsync(input.OwnerId, isNew, company.OwnerId, errors, ct);
        var values = await customFields.ApplyAsync(company, input.CustomFields, isNew, errors, ct);
        RequestValidator.ThrowIfInvalid(input, errors);

        company.Name = input.Name!.Trim();
        company.Domain = Clean(input.Domain)?.ToLowerInvariant();
        company.Industry = Clean(input.Industry);
        company.EmployeeCount = input.EmployeeCount;
        company.AnnualRevenue = input.AnnualRevenue is { } money ? decimal.Round(money.Amount, 2) : null;
        company.AnnualRevenueCurrency = input.AnnualRevenue?.Currency;
        var address = input.Address ?? new PostalAddress();
        company.Street = Clean(address.Street);
        company.City = Clean(address.City);
        company.Region = Clean(address.Region);
        company.PostalCode = Clean(address.PostalCode);
        company.Country = Clean(address.Country);
        company.Phone = Clean(input.Phone);
        company.OwnerId = owner;
        var tags = Tags.Normalize(input.Tags);
        if (!tags.SequenceEqual(company.Tags)) company.Tags = tags;
        if (values != company.CustomFields) company.CustomFields = values;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
