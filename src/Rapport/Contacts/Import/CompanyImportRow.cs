using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Duplicates;
using Rapport.Contacts.Shared;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

/// <summary>
/// One CSV row read as a company: the company it describes and what is wrong with it. Validation is the API's (the
/// same attributes on <see cref="CompanyInput"/>); cells the API takes typed (employees, revenue) or not at all
/// (a website, notes) are read here first.
/// </summary>
public sealed partial class CompanyImportRow : ImportedRow
{
    public CompanyInput Input { get; }

    /// <summary>Text for a note on the company's timeline (companies have no notes field).</summary>
    public string? Notes { get; private init; }

    public override Dictionary<string, JsonElement>? CustomFields => Input.CustomFields;

    /// <summary>The domain, normalised as the duplicate check does (<see cref="CompanyFacts"/>), or null.</summary>
    public string? DomainKey => Input.Domain is null ? null : new CompanyFacts(null, "", Input.Domain).DomainKey;

    /// <summary>The name as the database's indexed name key holds it (<see cref="DuplicateKeys.Name"/>).</summary>
    public string? NameKey => DuplicateKeys.Name(Input.Name);

    public override IReadOnlyList<string> MatchKeys =>
        [.. new[] { DomainKey is { } d ? DomainPrefix + d : null, NameKey is { } n ? NamePrefix + n : null }.OfType<string>()];

    public const string DomainPrefix = "domain:";
    public const string NamePrefix = "name:";

    private CompanyImportRow(int number, CompanyInput input) : base(number) => Input = input;

    /// <param name="number">The row's line in the spreadsheet (the header is row 1).</param>
    /// <param name="values">Field → cell text, for the mapped columns.</param>
    /// <param name="columnOf">Field → the header of its column, for error messages.</param>
    /// <param name="custom">The company custom fields a column may feed; each cell is read as the field's type.</param>
    public static CompanyImportRow Read(int number, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> columnOf,
        IReadOnlyList<CustomFieldDefinition>? custom = null)
    {
        var cells = new ImportCells(number, values, columnOf);
        var (domain, domainField) = DomainOf(cells);
        var employees = EmployeesOf(cells);
        var (revenue, currencyField) = RevenueOf(cells);
        var input = new CompanyInput
        {
            Name = cells.Text(CompanyImportFields.Name),
            Domain = domain,
            Industry = cells.Text(CompanyImportFields.Industry),
            EmployeeCount = employees,
            AnnualRevenue = revenue,
            Address = new PostalAddress
            {
                Street = cells.Text(CompanyImportFields.Street),
                City = cells.Text(CompanyImportFields.City),
                Region = cells.Text(CompanyImportFields.Region),
                PostalCode = cells.Text(CompanyImportFields.PostalCode),
                Country = cells.Text(CompanyImportFields.Country),
            },
            Phone = cells.Text(CompanyImportFields.Phone),
            Tags = cells.List(CompanyImportFields.Tags),
            CustomFields = cells.CustomFields(custom),
        };
        var row = new CompanyImportRow(number, input)
        {
            Notes = cells.Text(CompanyImportFields.Notes),
            OwnerText = cells.Text(CompanyImportFields.Owner),
            OwnerColumn = cells.ColumnOf(CompanyImportFields.Owner),
        };
        row.Errors.AddRange(cells.Errors);
        if (row.Errors.Count > 0) return row; // a value was already refused; the rest would only repeat it
        if (input.Name is null) row.Errors.Add(new(number, cells.ColumnOf(CompanyImportFields.Name), "The row has no company name."));
        if (Tags.Problem(input.Tags) is { } tagProblem) row.Errors.Add(new(number, cells.ColumnOf(CompanyImportFields.Tags), tagProblem));
        row.Validate(input, key => cells.ColumnOf(key switch
        {
            "domain" => domainField,
            "annualRevenue.amount" or "annualRevenue" => CompanyImportFields.AnnualRevenue,
            "annualRevenue.currency" => currencyField,
            _ when key.StartsWith("address.", StringComparison.Ordinal) => key["address.".Length..],
            _ => key,
        }), ignore: key => key == "name" && input.Name is null);
        return row;
    }

    /// <summary>The domain column, or else the host of the website column ("https://www.example.com/about" → example.com).</summary>
    private static (string? Domain, string Field) DomainOf(ImportCells cells)
    {
        if (cells.Text(CompanyImportFields.Domain) is { } domain) return (domain.ToLowerInvariant(), CompanyImportFields.Domain);
        if (cells.Text(CompanyImportFields.Website) is not { } website) return (null, CompanyImportFields.Domain);
        var host = HostOf(website);
        if (host is null) cells.Error(CompanyImportFields.Website, $"'{ImportCells.Shorten(website)}' is not a web address (such as https://example.com).");
        return (host, CompanyImportFields.Website);
    }

    internal static string? HostOf(string website)
    {
        var address = website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.HostNameType != UriHostNameType.Dns || !uri.Host.Contains('.', StringComparison.Ordinal))
            return null;
        // IdnHost: an internationalised name in its ASCII form, the only form a domain takes (CompanyInput).
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) && host.Count(c => c == '.') > 1 ? host["www.".Length..] : host;
    }

    private static int? EmployeesOf(ImportCells cells)
    {
        if (cells.Text(CompanyImportFields.EmployeeCount) is not { } text) return null;
        if (int.TryParse(WithoutGrouping(text), NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return count;
        cells.Error(CompanyImportFields.EmployeeCount, $"'{ImportCells.Shorten(text)}' is not a number of employees: give one whole number such as 250.");
        return null;
    }

    /// <summary>
    /// "1200000", "1,200,000.50", "EUR 1200000" or "1200000 EUR"; the currency may come from its own column instead.
    /// An amount without a currency cannot be stored (revenue is money: an amount and its ISO 4217 code).
    /// </summary>
    private static (Money? Revenue, string CurrencyField) RevenueOf(ImportCells cells)
    {
        var currencyText = cells.Text(CompanyImportFields.Currency);
        if (cells.Text(CompanyImportFields.AnnualRevenue) is not { } text) return (null, CompanyImportFields.Currency);
        var match = RevenuePattern().Match(text);
        if (!match.Success || !decimal.TryParse(WithoutGrouping(match.Groups["amount"].Value), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var amount))
        {
            cells.Error(CompanyImportFields.AnnualRevenue, $"'{ImportCells.Shorten(text)}' is not an amount (such as 1200000.50 or EUR 1200000).");
            return (null, CompanyImportFields.Currency);
        }
        var inCell = match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Success ? match.Groups["after"].Value : null;
        var currency = (inCell ?? currencyText)?.ToUpperInvariant();
        if (currency is null)
        {
            cells.Error(CompanyImportFields.AnnualRevenue, $"'{ImportCells.Shorten(text)}' has no currency: map a currency column or write it as EUR {match.Groups["amount"].Value}.");
            return (null, CompanyImportFields.Currency);
        }
        return (new Money { Amount = amount, Currency = currency }, inCell is null ? CompanyImportFields.Currency : CompanyImportFields.AnnualRevenue);
    }

    /// <summary>Digit grouping as spreadsheets write it: "1,200", "1 200", "1'200".</summary>
    private static string WithoutGrouping(string number) =>
        new([.. number.Where(c => c is not (',' or ' ' or '\'' or '\u00A0' or '\u202F'))]);

    [GeneratedRegex(@"^(?:(?<before>[A-Za-z]{3})\s*)?(?<amount>[0-9][0-9,' \u00A0\u202F]*(?:\.[0-9]+)?)(?:\s*(?<after>[A-Za-z]{3}))?$")]
    private static partial Regex RevenuePattern();
}
