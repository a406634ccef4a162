namespace Rapport.Contacts.Import;

/// <summary>The contact fields a CSV column can be mapped to, and the header names that map to each.</summary>
public static class ContactImportFields
{
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string JobTitle = "jobTitle";
    public const string Company = "company";
    public const string Street = "street";
    public const string City = "city";
    public const string Region = "region";
    public const string PostalCode = "postalCode";
    public const string Country = "country";
    public const string LifecycleStage = "lifecycleStage";
    public const string Source = "source";
    public const string Tags = "tags";
    public const string Notes = "notes";
    public const string Owner = "owner";

    public static readonly ImportFieldCatalogue Catalogue = new(
        (FirstName, ["first", "given name", "forename", "vorname", "prenom"]),
        (LastName, ["last", "surname", "family name", "nachname", "nom"]),
        (Email, ["e-mail", "email address", "e-mail address", "mail", "primary email"]),
        (Phone, ["telephone", "phone number", "mobile", "tel", "primary phone"]),
        (JobTitle, ["title", "position", "role", "job"]),
        (Company, ["company name", "organization", "organisation", "account", "employer"]),
        (Street, ["address", "street address", "address line 1"]),
        (City, ["town", "locality"]),
        (Region, ["state", "province", "county"]),
        (PostalCode, ["zip", "zip code", "postcode", "post code"]),
        (Country, ["nation"]),
        (LifecycleStage, ["stage", "lifecycle"]),
        (Source, ["lead source"]),
        (Tags, ["tag", "labels"]),
        (Notes, ["note", "comments", "description"]),
        (Owner, ["owner email", "contact owner", "record owner", "account owner", "assigned to", "sales rep"]));
}
