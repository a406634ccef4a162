using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>Contacts: matched by primary email; a company column names an existing company.</summary>
public sealed class ContactImportKind : ImportKind
{
    public override ImportRecordType Type => ImportRecordType.Contacts;
    public override string Singular => "contact";
    public override ImportFieldCatalogue Fields => ContactImportFields.Catalogue;
    public override string CustomFieldObject => CustomFieldObjects.KeyOf<Contact>();
    public override string MatchRule => "the email matches an existing contact";

    public override ImportedRow Read(int number, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> columnOf,
        IReadOnlyList<CustomFieldDefinition> custom) => ContactImportRow.Read(number, values, columnOf, custom);

    public override void DemandCreate(RecordAccess access, Guid? userId) =>
        access.Demand(new Contact { OwnerId = userId }, Operation.Create, Singular);

    public override Task<BatchOutcome> RunBatchAsync(IServiceProvider services, IReadOnlyList<ImportedRow> rows, DuplicateStrategy strategy,
        CancellationToken ct) => new ContactImportBatch(services, strategy).RunAsync(rows.Cast<ContactImportRow>().ToList(), ct);

    public override Task<ImportPreviewResponse> WarnAsync(IServiceProvider services, ImportPreviewResponse preview, CancellationToken ct) =>
        services.GetRequiredService<ContactImportWarnings>().AddToAsync(preview, ct);
}
