using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>
/// The contact fields a CSV column can be mapped to, and the header names (besides the field's own) that map to
/// each automatically. Headers are compared ignoring case, spaces, dashes, underscores and dots.
/// </summary>
public static class ImportFields
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

    private static readonly (string Field, string[] Synonyms)[] Catalogue =
    [
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
        (Owner, ["owner email", "contact owner", "record owner", "account owner", "assigned to", "sales rep"]),
    ];

    public static readonly IReadOnlyList<string> All = Catalogue.Select(c => c.Field).ToArray();

    private static readonly FrozenDictionary<string, string> ByName = Catalogue
        .SelectMany(c => c.Synonyms.Append(c.Field).Select(name => (Key: Normalize(name), c.Field)))
        .DistinctBy(p => p.Key)
        .ToFrozenDictionary(p => p.Key, p => p.Field);

    /// <summary>How a column names a custom field: <c>customFields.tier</c>.</summary>
    public const string CustomPrefix = CustomFieldValues.Prefix + ".";

    public static string CustomKey(CustomFieldDefinition field) => CustomPrefix + field.Name;

    /// <summary>Every field a column can feed: the contact's own, then its custom fields (not archived ones).</summary>
    public static IReadOnlyList<string> AllWith(IReadOnlyList<CustomFieldDefinition>? custom) =>
        [.. All, .. (custom ?? []).Select(CustomKey)];

    public static bool IsKnown(string field, IReadOnlyList<CustomFieldDefinition>? custom = null) =>
        AllWith(custom).Contains(field, StringComparer.Ordinal);

    /// <summary>
    /// The field a header names, or null; each field is matched to the first header naming it. A header that is a
    /// field's own name ("Email", "Job title") means that field; then custom fields are matched by label, name or
    /// <c>cf:name</c> (the export's headers); then the synonyms.
    /// </summary>
    public static Dictionary<string, string> AutoMatch(IEnumerable<string> headers, IReadOnlyList<CustomFieldDefinition>? custom = null)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var key = Normalize(header);
            var field = All.FirstOrDefault(f => Normalize(f) == key)
                ?? (custom ?? []).Where(c => Normalize(c.Label) == key || Normalize(c.Name) == key
                                             || Normalize(CustomFieldExport.Technical(c.Name)) == key)
                    .Select(CustomKey).FirstOrDefault()
                ?? ByName.GetValueOrDefault(key);
            if (field is not null && !mapping.ContainsValue(field)) mapping[header] = field;
        }
        return mapping;
    }

    private static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
