using Rapport.Contacts.Companies;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>Companies: matched by normalised domain, then by normalised name.</summary>
public sealed class CompanyImportKind : ImportKind
{
    public override ImportRecordType Type => ImportRecordType.Companies;
    public override string Singular => "company";
    public override ImportFieldCatalogue Fields => CompanyImportFields.Catalogue;
    public override string CustomFieldObject => CustomFieldObjects.KeyOf<Company>();
    public override string MatchRule => "the domain or name matches an existing company";

    public override ImportedRow Read(int number, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> columnOf,
        IReadOnlyList<CustomFieldDefinition> custom) => CompanyImportRow.Read(number, values, columnOf, custom);

    public override void DemandCreate(RecordAccess access, Guid? userId) =>
        access.Demand(new Company { OwnerId = userId }, Operation.Create, Singular);

    public override Task<BatchOutcome> RunBatchAsync(IServiceProvider services, IReadOnlyList<ImportedRow> rows, DuplicateStrategy strategy,
        CancellationToken ct) => new CompanyImportBatch(services, strategy).RunAsync(rows.Cast<CompanyImportRow>().ToList(), ct);

    public override Task<ImportPreviewResponse> WarnAsync(IServiceProvider services, ImportPreviewResponse preview, CancellationToken ct) =>
        services.GetRequiredService<CompanyImportWarnings>().AddToAsync(preview, ct);
}
