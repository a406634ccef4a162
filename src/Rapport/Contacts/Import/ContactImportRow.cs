using System.Text.Json;
using Rapport.Contacts.People;
using Rapport.Contacts.Shared;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>
/// One CSV row read as a contact: the contact it describes and what is wrong with it. Validation is the API's (the
/// same attributes on <see cref="ContactInput"/>); only the company (named, not an id) is resolved later, against
/// the companies the importer can see.
/// </summary>
public sealed class ContactImportRow : ImportedRow
{
    public ContactInput Input { get; }
    public string? CompanyName { get; }

    /// <summary>The header of the company column, for the error when no such company exists.</summary>
    public string? CompanyColumn { get; private init; }

    public override Dictionary<string, JsonElement>? CustomFields => Input.CustomFields;

    /// <summary>The normalised primary email duplicates are matched by, or null.</summary>
    public string? EmailKey => Input.Emails is [{ Address: { } address }, ..] ? Normalize(address) : null;

    public override IReadOnlyList<string> MatchKeys => EmailKey is { } key ? [key] : [];

    private ContactImportRow(int number, ContactInput input, string? companyName) : base(number)
    {
        Input = input;
        CompanyName = companyName;
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <param name="number">The row's line in the spreadsheet (the header is row 1).</param>
    /// <param name="values">Field → cell text, for the mapped columns.</param>
    /// <param name="columnOf">Field → the header of its column, for error messages.</param>
    /// <param name="custom">The contact's custom fields a column may feed; each cell is read as the field's type.</param>
    public static ContactImportRow Read(int number, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> columnOf,
        IReadOnlyList<CustomFieldDefinition>? custom = null)
    {
        var cells = new ImportCells(number, values, columnOf);
        LifecycleStage? stage = null;
        if (cells.Text(ContactImportFields.LifecycleStage) is { } stageText)
        {
            if (Enum.TryParse<LifecycleStage>(stageText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !stageText.Any(char.IsDigit))
                stage = parsed;
            else
                cells.Error(ContactImportFields.LifecycleStage,
                    $"'{ImportCells.Shorten(stageText)}' is not a lifecycle stage ({string.Join(", ", Enum.GetNames<LifecycleStage>().Select(n => n.ToLowerInvariant()))}).");
        }
        var email = cells.Text(ContactImportFields.Email);
        var phone = cells.Text(ContactImportFields.Phone);
        var customValues = cells.CustomFields(custom);
        var tags = cells.List(ContactImportFields.Tags);
        var input = new ContactInput
        {
            FirstName = cells.Text(ContactImportFields.FirstName),
            LastName = cells.Text(ContactImportFields.LastName),
            Emails = email is null ? null : [new EmailInput { Address = email, Primary = true }],
            Phones = phone is null ? null : [new PhoneInput { Number = phone, Primary = true }],
            JobTitle = cells.Text(ContactImportFields.JobTitle),
            Address = new PostalAddress
            {
                Street = cells.Text(ContactImportFields.Street),
                City = cells.Text(ContactImportFields.City),
                Region = cells.Text(ContactImportFields.Region),
                PostalCode = cells.Text(ContactImportFields.PostalCode),
                Country = cells.Text(ContactImportFields.Country),
            },
            LifecycleStage = stage,
            Source = cells.Text(ContactImportFields.Source),
            Tags = tags,
            Notes = cells.Text(ContactImportFields.Notes),
            CustomFields = customValues,
        };
        var row = new ContactImportRow(number, input, cells.Text(ContactImportFields.Company))
        {
            CompanyColumn = cells.ColumnOf(ContactImportFields.Company),
            OwnerText = cells.Text(ContactImportFields.Owner),
            OwnerColumn = cells.ColumnOf(ContactImportFields.Owner),
        };
        row.Errors.AddRange(cells.Errors);
        row.Validate(cells);
        return row;
    }

    private void Validate(ImportCells cells)
    {
        if (Errors.Count > 0) return; // a value was already refused; the rest would only repeat it
        if (string.IsNullOrWhiteSpace(Input.FirstName) && string.IsNullOrWhiteSpace(Input.LastName) && Input.Emails is null)
            Errors.Add(new(Number, null, "The row has no first name, last name or email."));
        if (Tags.Problem(Input.Tags) is { } tagProblem) Errors.Add(new(Number, cells.ColumnOf(ContactImportFields.Tags), tagProblem));
        Validate(Input, key => cells.ColumnOf(FieldOf(key)));
    }

    /// <summary>"emails[0].address" → email, "address.city" → city: the import field an API error is about.</summary>
    private static string FieldOf(string key) => key switch
    {
        _ when key.StartsWith("emails", StringComparison.Ordinal) => ContactImportFields.Email,
        _ when key.StartsWith("phones", StringComparison.Ordinal) => ContactImportFields.Phone,
        _ when key.StartsWith("address.", StringComparison.Ordinal) => key["address.".Length..],
        _ => key,
    };
}
