namespace Rapport.Contacts.Import;

/// <summary>
/// The company fields a CSV column can be mapped to, and the header names that map to each: the names common
/// CRM exports use (HubSpot, Salesforce, Pipedrive, LinkedIn lists) besides the field's own.
/// </summary>
public static class CompanyImportFields
{
    public const string Name = "name";
    public const string Domain = "domain";

    /// <summary>A web address; its host (without "www.") becomes the domain when no domain column gives one.</summary>
    public const string Website = "website";

    public const string Phone = "phone";
    public const string Industry = "industry";
    public const string EmployeeCount = "employeeCount";
    public const string AnnualRevenue = "annualRevenue";
    public const string Currency = "currency";
    public const string Street = "street";
    public const string City = "city";
    public const string Region = "region";
    public const string PostalCode = "postalCode";
    public const string Country = "country";
    public const string Owner = "owner";
    public const string Tags = "tags";

    /// <summary>Companies have no notes field: the text becomes a note on the company's timeline.</summary>
    public const string Notes = "notes";

    public static readonly ImportFieldCatalogue Catalogue = new(
        (Name, ["company name", "company", "organization", "organisation", "organization name", "account name", "account",
            "business name", "firma", "unternehmen", "societe"]),
        (Domain, ["company domain", "company domain name", "domain name", "email domain"]),
        (Website, ["web site", "website url", "company website", "url", "homepage", "home page", "web", "site"]),
        (Phone, ["telephone", "phone number", "company phone", "main phone", "office phone", "tel"]),
        (Industry, ["sector", "vertical", "branche"]),
        (EmployeeCount, ["employees", "number of employees", "employee count", "no of employees", "headcount", "staff",
            "company size", "size"]),
        (AnnualRevenue, ["revenue", "annual revenue", "yearly revenue", "turnover"]),
        (Currency, ["revenue currency", "currency code", "annual revenue currency"]),
        (Street, ["address", "street address", "address line 1", "billing street"]),
        (City, ["town", "locality", "billing city"]),
        (Region, ["state", "province", "county", "state/region", "billing state"]),
        (PostalCode, ["zip", "zip code", "postcode", "post code", "billing zip", "billing postal code"]),
        (Country, ["nation", "country/region", "billing country"]),
        (Owner, ["owner email", "company owner", "record owner", "account owner", "assigned to", "sales rep"]),
        (Tags, ["tag", "labels"]),
        (Notes, ["note", "comments", "description", "about"]));
}
