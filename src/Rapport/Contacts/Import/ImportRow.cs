using Rapport.Contacts.People;
using Rapport.Contacts.Shared;
using System.Text.Json;
using Rapport.Platform.Api;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

public sealed record ImportRowError(int Row, string? Column, string Message);

/// <summary>
/// One CSV row read through the mapping: the contact it describes and what is wrong with it. Validation is the
/// API's (the same attributes on <see cref="ContactInput"/>), so an imported contact obeys the rules of one
/// typed in; only the company (named, not an id) is resolved later, against the companies the importer can see.
/// </summary>
public sealed class ImportRow
{
    public const int MaxCellLength = 10_000;

    public int Number { get; }
    public ContactInput Input { get; }
    public string? CompanyName { get; }

    /// <summary>The header of the company column, for the error when no such company exists.</summary>
    public string? CompanyColumn { get; private init; }

    /// <summary>The owner as the file names it (a user's email or display name), resolved per batch.</summary>
    public string? OwnerText { get; private init; }

    public string? OwnerColumn { get; private init; }
    public List<ImportRowError> Errors { get; } = [];

    /// <summary>The normalised primary email duplicates are matched by, or null.</summary>
    public string? EmailKey => Input.Emails is [{ Address: { } address }, ..] ? Normalize(address) : null;

    private ImportRow(int number, ContactInput input, string? companyName)
    {
        Number = number;
        Input = input;
        CompanyName = companyName;
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <param name="number">The row's line in the spreadsheet (the header is row 1).</param>
    /// <param name="values">Field → cell text, for the mapped columns.</param>
    /// <param name="columnOf">Field → the header of its column, for error messages.</param>
    /// <param name="custom">The contact's custom fields a column may feed; each cell is read as the field's type.</param>
    public static ImportRow Read(int number, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> columnOf,
        IReadOnlyList<CustomFieldDefinition>? custom = null)
    {
        var errors = new List<ImportRowError>();
        string? Value(string field)
        {
            if (!values.TryGetValue(field, out var text) || string.IsNullOrWhiteSpace(text)) return null;
            if (text.Length > MaxCellLength)
            {
                errors.Add(new(number, columnOf.GetValueOrDefault(field), $"The value is {text.Length:N0} characters long; the limit is {MaxCellLength:N0}."));
                return null;
            }
            return text.Trim();
        }

        LifecycleStage? stage = null;
        if (Value(ImportFields.LifecycleStage) is { } stageText)
        {
            if (Enum.TryParse<LifecycleStage>(stageText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !stageText.Any(char.IsDigit))
                stage = parsed;
            else
                errors.Add(new(number, columnOf.GetValueOrDefault(ImportFields.LifecycleStage),
                    $"'{Shorten(stageText)}' is not a lifecycle stage ({string.Join(", ", Enum.GetNames<LifecycleStage>().Select(n => n.ToLowerInvariant()))})."));
        }
        var email = Value(ImportFields.Email);
        var phone = Value(ImportFields.Phone);
        Dictionary<string, JsonElement>? customValues = null;
        foreach (var field in custom ?? [])
        {
            var key = ImportFields.CustomKey(field);
            if (!values.ContainsKey(key) || Value(key) is not { } text) continue;
            var (value, problem) = CustomFieldRules.CheckText(field, text);
            if (problem is not null) errors.Add(new(number, columnOf.GetValueOrDefault(key), $"'{Shorten(text)}' does not fit {field.Label}: {problem}."));
            else if (value is not null) (customValues ??= new(StringComparer.Ordinal))[field.Name] = JsonSerializer.SerializeToElement(value);
        }
        var tags = Value(ImportFields.Tags)?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var input = new ContactInput
        {
            FirstName = Value(ImportFields.FirstName),
            LastName = Value(ImportFields.LastName),
            Emails = email is null ? null : [new EmailInput { Address = email, Primary = true }],
            Phones = phone is null ? null : [new PhoneInput { Number = phone, Primary = true }],
            JobTitle = Value(ImportFields.JobTitle),
            Address = new PostalAddress
            {
                Street = Value(ImportFields.Street),
                City = Value(ImportFields.City),
                Region = Value(ImportFields.Region),
                PostalCode = Value(ImportFields.PostalCode),
                Country = Value(ImportFields.Country),
            },
            LifecycleStage = stage,
            Source = Value(ImportFields.Source),
            Tags = tags,
            Notes = Value(ImportFields.Notes),
            CustomFields = customValues,
        };
        var row = new ImportRow(number, input, Value(ImportFields.Company))
        {
            CompanyColumn = columnOf.GetValueOrDefault(ImportFields.Company),
            OwnerText = Value(ImportFields.Owner),
            OwnerColumn = columnOf.GetValueOrDefault(ImportFields.Owner),
        };
        row.Errors.AddRange(errors);
        row.Validate(columnOf);
        return row;
    }

    private void Validate(IReadOnlyDictionary<string, string> columnOf)
    {
        if (Errors.Count > 0) return; // a value was already refused; the rest would only repeat it
        if (string.IsNullOrWhiteSpace(Input.FirstName) && string.IsNullOrWhiteSpace(Input.LastName) && Input.Emails is null)
            Errors.Add(new(Number, null, "The row has no first name, last name or email."));
        if (Tags.Problem(Input.Tags) is { } tagProblem) Errors.Add(new(Number, columnOf.GetValueOrDefault(ImportFields.Tags), tagProblem));
        try
        {
            RequestValidator.ThrowIfInvalid(Input);
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (key, messages) in invalid.Errors)
            {
                var column = columnOf.GetValueOrDefault(FieldOf(key));
                Errors.AddRange(messages.Select(m => new ImportRowError(Number, column, m)));
            }
        }
    }

    /// <summary>"emails[0].address" → email, "address.city" → city: the import field an API error is about.</summary>
    private static string FieldOf(string key) => key switch
    {
        _ when key.StartsWith("emails", StringComparison.Ordinal) => ImportFields.Email,
        _ when key.StartsWith("phones", StringComparison.Ordinal) => ImportFields.Phone,
        _ when key.StartsWith("address.", StringComparison.Ordinal) => key["address.".Length..],
        _ => key,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
