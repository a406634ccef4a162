using Rapport.Activities;
using Rapport.Contacts.Duplicates;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;
using Rapport.Platform.Documents;

namespace Rapport.Contacts.Merge;

/// <summary>
/// Merges one contact into another in one transaction: chosen values, united emails, phones and tags, every
/// activity and document moved, the other contact deleted, and both histories saying so.
/// </summary>
public sealed class ContactMerge(RapportDb db, RecordAccess access, ContactService contacts, ActivityService activities,
    DocumentService documents, MergeHistory history, CustomFieldValues customFields)
{
    public static readonly IReadOnlyList<string> Choosable =
        ["firstName", "lastName", "jobTitle", "companyId", "address", "lifecycleStage", "source", "ownerId", "notes"];

    public async Task<MergeOutcome<Contact>> MergeAsync(Guid survivorId, MergeRequest request, int? expectedVersion, CancellationToken ct)
    {
        var choices = MergeChoices.Parse(survivorId, request, Choosable, "contact");
        var mergeId = request.MergeId!.Value;
        var survivor = await contacts.GetAsync(survivorId, ct);
        var merged = await contacts.GetAsync(mergeId, ct);
        access.Demand(survivor, Operation.Edit, "contact");
        access.Demand(merged, Operation.Delete, "contact");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var from = ContactResponse.ToInput(merged);
        var active = await customFields.ActiveNamesAsync<Contact>(ct);
        var updated = await contacts.UpdateAsync(survivorId, expectedVersion, current => Combine(current, from, choices) with
        {
            CustomFields = CustomFieldValues.Fill(current.CustomFields, from.CustomFields, active),
        }, ct);
        var moved = await activities.MoveLinksAsync(LinkedRecordType.Contact, mergeId, survivorId, ct);
        await documents.MoveAsync(LinkedRecordType.Contact, mergeId, survivorId, ct);
        await db.SaveChangesAsync(ct);
        await contacts.DeleteAsync(mergeId, MergeHistory.VersionCheck<Contact>(request.MergeVersion, "contact"), ct);
        await history.RecordAsync<Contact>(survivorId, updated.FullName, mergeId, merged.FullName, ct);
        await transaction.CommitAsync(ct);
        return new MergeOutcome<Contact>(updated, moved, 0);
    }

    private static ContactInput Combine(ContactInput survivor, ContactInput merged, MergeChoices choose) => survivor with
    {
        FirstName = choose.Pick("firstName", survivor.FirstName, merged.FirstName),
        LastName = choose.Pick("lastName", survivor.LastName, merged.LastName),
        JobTitle = choose.Pick("jobTitle", survivor.JobTitle, merged.JobTitle),
        CompanyId = choose.Pick("companyId", survivor.CompanyId, merged.CompanyId),
        Address = choose.Pick("address", survivor.Address, merged.Address),
        LifecycleStage = choose.Pick("lifecycleStage", survivor.LifecycleStage, merged.LifecycleStage),
        Source = choose.Pick("source", survivor.Source, merged.Source),
        OwnerId = choose.Pick("ownerId", survivor.OwnerId, merged.OwnerId),
        Notes = choose.Pick("notes", survivor.Notes, merged.Notes),
        // The survivor's primary stays primary; the other record's addresses join as secondary ones.
        Emails = [.. survivor.Emails ?? [], .. (merged.Emails ?? [])
            .Where(e => !(survivor.Emails ?? []).Any(s => DuplicateKeys.Email(s.Address) == DuplicateKeys.Email(e.Address)))
            .Select(e => e with { Primary = e.Primary && (survivor.Emails ?? []).Count == 0 })],
        Phones = [.. survivor.Phones ?? [], .. (merged.Phones ?? [])
            .Where(p => !(survivor.Phones ?? []).Any(s => Digits(s.Number) == Digits(p.Number)))
            .Select(p => p with { Primary = p.Primary && (survivor.Phones ?? []).Count == 0 })],
        Tags = [.. survivor.Tags ?? [], .. merged.Tags ?? []],
    };

    private static string Digits(string? number) => new((number ?? "").Where(char.IsAsciiDigit).ToArray());
}
