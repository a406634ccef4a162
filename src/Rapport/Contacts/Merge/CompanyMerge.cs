using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;
using Rapport.Platform.Documents;

namespace Rapport.Contacts.Merge;

/// <summary>
/// Merges one company into another in one transaction: chosen values, united tags, its contacts and activities
/// moved to the survivor, the other company deleted, and both histories saying so.
/// </summary>
public sealed class CompanyMerge(RapportDb db, RecordAccess access, CompanyService companies, ActivityService activities,
    DocumentService documents, MergeHistory history, CustomFieldValues customFields)
{
    public static readonly IReadOnlyList<string> Choosable =
        ["name", "domain", "industry", "employeeCount", "annualRevenue", "address", "phone", "ownerId"];

    public async Task<MergeOutcome<Company>> MergeAsync(Guid survivorId, MergeRequest request, int? expectedVersion, CancellationToken ct)
    {
        var choices = MergeChoices.Parse(survivorId, request, Choosable, "company");
        var mergeId = request.MergeId!.Value;
        var survivor = await companies.GetAsync(survivorId, ct);
        var merged = await companies.GetAsync(mergeId, ct);
        access.Demand(survivor, Operation.Edit, "company");
        access.Demand(merged, Operation.Delete, "company");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var from = CompanyResponse.ToInput(merged);
        var active = await customFields.ActiveNamesAsync<Company>(ct);
        var updated = await companies.UpdateAsync(survivorId, expectedVersion, current => current with
        {
            Name = choices.Pick("name", current.Name, from.Name),
            Domain = choices.Pick("domain", current.Domain, from.Domain),
            Industry = choices.Pick("industry", current.Industry, from.Industry),
            EmployeeCount = choices.Pick("employeeCount", current.EmployeeCount, from.EmployeeCount),
            AnnualRevenue = choices.Pick("annualRevenue", current.AnnualRevenue, from.AnnualRevenue),
            Address = choices.Pick("address", current.Address, from.Address),
            Phone = choices.Pick("phone", current.Phone, from.Phone),
            OwnerId = choices.Pick("ownerId", current.OwnerId, from.OwnerId),
            Tags = [.. current.Tags ?? [], .. from.Tags ?? []],
            CustomFields = CustomFieldValues.Fill(current.CustomFields, from.CustomFields, active),
        }, ct);
        var activitiesMoved = await activities.MoveLinksAsync(LinkedRecordType.Company, mergeId, survivorId, ct);
        await documents.MoveAsync(LinkedRecordType.Company, mergeId, survivorId, ct);
        // Every contact moves, including ones the caller cannot see: deleting the company would otherwise unlink them.
        var people = await db.Contacts.Where(c => c.CompanyId == mergeId).ToListAsync(ct);
        foreach (var contact in people) contact.CompanyId = survivorId;
        // Saved before the delete, which unlinks whatever contacts the database still shows at the old company.
        await db.SaveChangesAsync(ct);
        await companies.DeleteAsync(mergeId, MergeHistory.VersionCheck<Company>(request.MergeVersion, "company"), ct);
        await history.RecordAsync<Company>(survivorId, updated.Name, mergeId, merged.Name, ct);
        await transaction.CommitAsync(ct);
        return new MergeOutcome<Company>(updated, activitiesMoved, people.Count);
    }
}
