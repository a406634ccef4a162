using Rapport.Platform.Api.Listing;

namespace Rapport.Contacts.Companies;

/// <summary>What company lists may be filtered and sorted by (docs/api.md lists the same).</summary>
public static class CompanyFields
{
    public const string DefaultSort = "name";

    public static readonly ResourceFields<Company> All = new ResourceFields<Company>()
        .Add("id", c => c.Id, sortable: false)
        .Add("name", c => c.Name)
        .Add("domain", c => c.Domain)
        .Add("industry", c => c.Industry)
        .Add("employeeCount", c => c.EmployeeCount)
        .Add("annualRevenue", c => c.AnnualRevenue)
        .Add("currency", c => c.AnnualRevenueCurrency, sortable: false)
        .Add("city", c => c.City)
        .Add("country", c => c.Country)
        .Add("phone", c => c.Phone, sortable: false)
        .Add("ownerId", c => c.OwnerId, sortable: false)
        .Add("tags", c => c.Tags, sortable: false)
        .Add("createdAt", c => c.CreatedAt)
        .Add("updatedAt", c => c.UpdatedAt)
        .Add("createdById", c => c.CreatedById, sortable: false);
}
