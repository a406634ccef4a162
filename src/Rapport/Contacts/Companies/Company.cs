using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Companies;

public sealed class Company : Entity, IOwned, IHasCustomFields
{
    public string Name { get; set; } = "";
    public string? Domain { get; set; }
    public string? Industry { get; set; }
    public int? EmployeeCount { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public string? AnnualRevenueCurrency { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? Phone { get; set; }
    public Guid? OwnerId { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? CustomFields { get; set; }
}
