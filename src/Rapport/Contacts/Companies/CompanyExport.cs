using System.Globalization;
using Rapport.Platform.Data;
using Rapport.Platform.Export;

namespace Rapport.Contacts.Companies;

/// <summary>The columns of a company export.</summary>
public static class CompanyExport
{
    public static readonly RecordExport<Company> Definition = new(
        "companies",
        services => services.GetRequiredService<CompanyService>().Readable(),
        CompanyFields.All,
        CompanyFields.DefaultSort,
        ColumnsAsync);

    private static async Task<IReadOnlyList<ExportColumn<Company>>> ColumnsAsync(IServiceProvider services, CancellationToken ct)
    {
        var owner = await OwnerNames.LoadAsync(services, ct);
        return
        [
            new("Name", c => c.Name),
            new("Domain", c => c.Domain),
            new("Industry", c => c.Industry),
            new("Employee count", c => c.EmployeeCount?.ToString(CultureInfo.InvariantCulture)),
            new("Annual revenue", c => c.AnnualRevenue is { } amount ? Decimals.Shortest(amount).ToString(CultureInfo.InvariantCulture) : null),
            new("Currency", c => c.AnnualRevenueCurrency),
            new("Street", c => c.Street),
            new("City", c => c.City),
            new("Region", c => c.Region),
            new("Postal code", c => c.PostalCode),
            new("Country", c => c.Country),
            new("Phone", c => c.Phone),
            new("Owner", c => owner(c.OwnerId)),
            new("Tags", c => string.Join(", ", c.Tags)),
            new("Created at", c => c.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
            new("Updated at", c => c.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)),
            new("Id", c => c.Id.ToString()),
        ];
    }
}
