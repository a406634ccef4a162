using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>
/// What one record type brings to the import pipeline: its fields, how a row becomes a record, what makes a row a
/// duplicate and how a batch is written. Reading the file, the mapping, the preview, the job, its worker and its
/// error report are the same for every type.
/// </summary>
public abstract class ImportKind
{
    public static readonly ImportKind Contacts = new ContactImportKind();
    public static readonly ImportKind Companies = new CompanyImportKind();

    public static ImportKind Of(ImportRecordType type) => type switch
    {
        ImportRecordType.Companies => Companies,
        _ => Contacts,
    };

    public abstract ImportRecordType Type { get; }

    /// <summary>"contact": for messages.</summary>
    public abstract string Singular { get; }

    /// <summary>"contacts": for messages, and the path of the type's pages (/contacts/{id}).</summary>
    public string Plural => Type.ToString().ToLowerInvariant();

    public abstract ImportFieldCatalogue Fields { get; }

    /// <summary>The type's key among <see cref="CustomFieldObjects"/>.</summary>
    public abstract string CustomFieldObject { get; }

    /// <summary>When the duplicate strategy applies, completing "When ...": "the email matches an existing contact".</summary>
    public abstract string MatchRule { get; }

    public abstract ImportedRow Read(int number, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> columnOf,
        IReadOnlyList<CustomFieldDefinition> custom);

    /// <summary>Refuses (403) a caller whose role may not create records of this type.</summary>
    public abstract void DemandCreate(RecordAccess access, Guid? userId);

    /// <summary>Writes one batch of rows in the scope <paramref name="services"/>, acting as the importer.</summary>
    public abstract Task<BatchOutcome> RunBatchAsync(IServiceProvider services, IReadOnlyList<ImportedRow> rows, DuplicateStrategy strategy,
        CancellationToken ct);

    /// <summary>The preview with each row's likely duplicates among the records the importer can see.</summary>
    public abstract Task<ImportPreviewResponse> WarnAsync(IServiceProvider services, ImportPreviewResponse preview, CancellationToken ct);
}
