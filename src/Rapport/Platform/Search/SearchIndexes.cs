using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;

namespace Rapport.Platform.Search;

/// <summary>Which tables are full-text searchable, and over which columns.</summary>
public sealed record SearchIndex(Type EntityType, string Table, string[] Columns, string[] SortableTextColumns)
{
    public string FtsTable => Table.ToLowerInvariant() + "_fts";
}

public static class SearchIndexes
{
    public const string PostgresColumn = "SearchVector";

    public static readonly SearchIndex Companies = new(
        typeof(Company), "Companies",
        ["Name", "Domain", "Industry", "City", "Country", "Phone"],
        ["Name"]);

    public static readonly SearchIndex Contacts = new(
        typeof(Contact), "Contacts",
        ["FirstName", "LastName", "PrimaryEmail", "PrimaryPhone", "JobTitle", "City", "Country"],
        ["FirstName", "LastName", "PrimaryEmail"]);

    public static readonly SearchIndex Activities = new(
        typeof(Activity), "Activities",
        ["Subject", "Body", "Location", "Outcome", "EmailFrom"],
        ["Subject"]);

    public static readonly IReadOnlyList<SearchIndex> All = [Companies, Contacts, Activities];

    public static SearchIndex For(Type entityType) =>
        All.FirstOrDefault(i => i.EntityType == entityType)
        ?? throw new InvalidOperationException($"{entityType.Name} has no search index.");
}
