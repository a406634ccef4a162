using Rapport.Contacts.Companies;
using Rapport.Contacts.People;

namespace Rapport.Platform.Notifications;

/// <summary>How a followable record type is named, titled and linked. Deals and tickets add one line each.</summary>
public sealed record Followable(Type EntityType, string Type, string Plural, Func<object, string> Title);

public static class Followables
{
    public static readonly IReadOnlyList<Followable> All =
    [
        new(typeof(Company), "company", "companies", r => ((Company)r).Name),
        new(typeof(Contact), "contact", "contacts", r => ((Contact)r).FullName),
    ];

    public static Followable? Of(Type entityType) => All.FirstOrDefault(f => f.EntityType == entityType);

    public static Followable? Named(string plural) => All.FirstOrDefault(f => f.Plural == plural);

    public static string Link(Followable followable, Guid id) => $"/{followable.Plural}/{id}";
}
