using Rapport.Contacts.People;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>The contact custom fields an import column can feed: those not archived (an archived field's values cannot change).</summary>
public static class ImportCustomFields
{
    public static async Task<IReadOnlyList<CustomFieldDefinition>> LoadAsync(CustomFieldValues values, CancellationToken ct) =>
        (await values.DefinitionsAsync(CustomFieldObjects.KeyOf<Contact>(), ct)).Where(d => !d.Archived).ToList();
}
