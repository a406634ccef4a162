using Rapport.Contacts.Shared;
using Rapport.Contacts.Shared.Pages;

namespace Rapport.Contacts.Companies.Pages;

/// <summary>The editable form of a company; converts to the same <see cref="CompanyInput"/> the API takes.</summary>
public sealed class CompanyForm
{
    public string? Name { get; set; }
    public string? Domain { get; set; }
    public string? Industry { get; set; }
    public int? EmployeeCount { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public string? Currency { get; set; }
    public AddressForm Address { get; set; } = new();
    public string? Phone { get; set; }
    public Guid? OwnerId { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>Set by the editor once the field definitions are loaded.</summary>
    public Rapport.Platform.CustomFields.Pages.CustomFieldForm CustomFields { get; set; } = Rapport.Platform.CustomFields.Pages.CustomFieldForm.Empty;

    public static CompanyForm From(Company company)
    {
        var input = CompanyResponse.ToInput(company);
        return new CompanyForm
        {
            Name = input.Name,
            Domain = input.Domain,
            Industry = input.Industry,
            EmployeeCount = input.EmployeeCount,
            AnnualRevenue = input.AnnualRevenue?.Amount,
            Currency = input.AnnualRevenue?.Currency,
            Address = AddressForm.From(input.Address ?? new PostalAddress()),
            Phone = input.Phone,
            OwnerId = input.OwnerId,
            Tags = [.. input.Tags ?? []],
        };
    }

    public CompanyInput ToInput() => new()
    {
        Name = Name,
        Domain = Domain,
        Industry = Industry,
        EmployeeCount = EmployeeCount,
        // A currency without an amount says nothing; an amount without one is refused by the service.
        AnnualRevenue = AnnualRevenue is { } amount ? new Money { Amount = amount, Currency = Currency?.Trim().ToUpperInvariant() ?? "" } : null,
        Address = Address.ToInput(),
        Phone = Phone,
        OwnerId = OwnerId,
        Tags = Tags,
        CustomFields = CustomFields.ToInput(),
    };

    public static readonly IReadOnlyList<string> CommonCurrencies =
        ["EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK", "INR", "CNY", "BRL", "ZAR"];

    public static readonly IReadOnlyList<string> Industries =
        ["Agriculture", "Construction", "Education", "Energy", "Financial services", "Healthcare", "Hospitality",
         "Logistics", "Manufacturing", "Media", "Retail", "Software"];
}
