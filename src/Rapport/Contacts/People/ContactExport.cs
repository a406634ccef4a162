using System.Globalization;
using Rapport.Platform.Export;

namespace Rapport.Contacts.People;

/// <summary>The columns of a contact export; the headers are the names the import matches automatically.</summary>
public static class ContactExport
{
    public static readonly RecordExport<Contact> Definition = new(
        "contacts",
        services => services.GetRequiredService<ContactService>().Readable(),
        ContactFields.All,
        ContactFields.DefaultSort,
        ColumnsAsync);

    private static async Task<IReadOnlyList<ExportColumn<Contact>>> ColumnsAsync(IServiceProvider services, CancellationToken ct)
    {
        var owner = await OwnerNames.LoadAsync(services, ct);
        return
        [
            new("First name", c => c.FirstName),
            new("Last name", c => c.LastName),
            new("Email", c => c.PrimaryEmail),
            new("Phone", c => c.PrimaryPhone),
            new("Job title", c => c.JobTitle),
            new("Company", c => c.Company?.Name),
            new("Street", c => c.Street),
            new("City", c => c.City),
            new("Region", c => c.Region),
            new("Postal code", c => c.PostalCode),
            new("Country", c => c.Country),
            new("Lifecycle stage", c => c.LifecycleStage.ToString().ToLowerInvariant()),
            new("Source", c => c.Source),
            new("Owner", c => owner(c.OwnerId)),
            new("Tags", c => string.Join(", ", c.Tags)),
            new("Notes", c => c.Notes),
            new("Created at", c => c.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
            new("Updated at", c => c.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)),
            new("Id", c => c.Id.ToString()),
        ];
    }
}
