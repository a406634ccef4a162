using System.Globalization;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Merge;
using Rapport.Contacts.People;
using Rapport.Contacts.People.Pages;
using Rapport.Platform.Ui.Records;

namespace Rapport.Contacts.Duplicates.Pages;

/// <summary>One field of the merge screen: its value on each side, by the names the merge API takes.</summary>
public sealed record MergeRow(string Field, string Label, string? Survivor, string? Merged)
{
    public bool Differs => !string.Equals(Survivor, Merged, StringComparison.Ordinal);
}

/// <summary>The side-by-side rows of the merge screen for a pair of contacts or companies.</summary>
public static class MergeRows
{
    public static List<MergeRow> Contacts(Contact keep, Contact other, IReadOnlyList<UserChoice> users)
    {
        string?[] Values(Contact c) =>
        [
            c.FirstName, c.LastName, c.JobTitle, c.Company?.Name, Address(c.Street, c.PostalCode, c.City, c.Region, c.Country),
            ContactForm.StageLabel(c.LifecycleStage), c.Source, UserDirectory.NameOf(users, c.OwnerId), c.Notes,
        ];
        string[] labels = ["First name", "Last name", "Job title", "Company", "Address", "Lifecycle stage", "Source", "Owner", "Notes"];
        return Rows(ContactMerge.Choosable, labels, Values(keep), Values(other));
    }

    public static List<MergeRow> Companies(Company keep, Company other, IReadOnlyList<UserChoice> users)
    {
        string?[] Values(Company c) =>
        [
            c.Name, c.Domain, c.Industry, c.EmployeeCount?.ToString("N0", CultureInfo.InvariantCulture),
            c.AnnualRevenue is { } amount ? $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {c.AnnualRevenueCurrency}" : null,
            Address(c.Street, c.PostalCode, c.City, c.Region, c.Country), c.Phone, UserDirectory.NameOf(users, c.OwnerId),
        ];
        string[] labels = ["Name", "Domain", "Industry", "Employees", "Annual revenue", "Address", "Phone", "Owner"];
        return Rows(CompanyMerge.Choosable, labels, Values(keep), Values(other));
    }

    private static List<MergeRow> Rows(IReadOnlyList<string> fields, string[] labels, string?[] keep, string?[] other) =>
        fields.Select((field, i) => new MergeRow(field, labels[i], Blank(keep[i]), Blank(other[i]))).ToList();

    private static string? Address(params string?[] parts)
    {
        var text = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) || value == "—" ? null : value;
}
