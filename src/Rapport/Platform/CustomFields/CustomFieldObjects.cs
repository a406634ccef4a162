using Rapport.Contacts.Companies;
using Rapport.Contacts.People;

namespace Rapport.Platform.CustomFields;

/// <summary>A record whose values include admin-defined custom fields, kept as one JSON object.</summary>
public interface IHasCustomFields
{
    /// <summary>
    /// The values as a JSON object keyed by field name (null when there are none). Written only through
    /// <see cref="CustomFieldValues"/>, which keeps each value in the canonical form filters and sorts rely on.
    /// </summary>
    string? CustomFields { get; set; }
}

/// <summary>A record type that can have custom fields: its key in the API, its label and its entity.</summary>
public sealed record CustomFieldObject(string Key, string Label, Type EntityType);

/// <summary>
/// The record types custom fields can be defined for. A new record type gets custom fields in its API, lists,
/// filters, sorts and exports by implementing <see cref="IHasCustomFields"/> and adding one line here.
/// </summary>
public static class CustomFieldObjects
{
    public static readonly IReadOnlyList<CustomFieldObject> All =
    [
        new("contact", "Contacts", typeof(Contact)),
        new("company", "Companies", typeof(Company)),
    ];

    public static CustomFieldObject? Find(string? key) => All.FirstOrDefault(o => o.Key == key);

    public static CustomFieldObject? Of(Type entityType) => All.FirstOrDefault(o => o.EntityType == entityType);

    public static string KeyOf<T>() where T : IHasCustomFields =>
        Of(typeof(T))?.Key ?? throw new InvalidOperationException($"{typeof(T).Name} is not listed in CustomFieldObjects.");
}
