using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>The custom fields of a record type an import column can feed: those not archived (an archived field's values cannot change).</summary>
public static class ImportCustomFields
{
    public static async Task<IReadOnlyList<CustomFieldDefinition>> LoadAsync(CustomFieldValues values, ImportKind kind, CancellationToken ct) =>
        (await values.DefinitionsAsync(kind.CustomFieldObject, ct)).Where(d => !d.Archived).ToList();
}
