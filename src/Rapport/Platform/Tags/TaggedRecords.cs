using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Data;

namespace Rapport.Platform.Tags;

/// <summary>
/// A record type that carries tags: its API name and the list property that holds them. The catalogue counts,
/// renames and removes tags through it, and bulk tagging is mapped for each. Deals and tickets add one line each.
/// </summary>
public abstract record TaggedRecordType(string Plural, string Singular, Type EntityType, PropertyInfo Property)
{
    public IReadOnlyList<string> TagsOf(object record) => (IReadOnlyList<string>?)Property.GetValue(record) ?? [];

    public abstract IQueryable<Entity> Query(RapportDb db);

    /// <summary>How many records the caller can read carry each tag, by normalised name.</summary>
    public abstract Task<Dictionary<string, int>> CountsAsync(RapportDb db, Auth.RecordAccess access, string? prefix, CancellationToken ct);

    /// <summary>Every record of this type (whoever owns it) that carries the tag, whatever its spelling on the record.</summary>
    public abstract IQueryable<Entity> Carrying(RapportDb db, string normalizedName);

    /// <summary>The records among <paramref name="ids"/> the caller may edit, tracked.</summary>
    public abstract Task<List<Entity>> EditableAsync(RapportDb db, Auth.RecordAccess access, IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

public sealed record TaggedRecordType<T>(string Plural, string Singular, Expression<Func<T, List<string>>> Tags)
    : TaggedRecordType(Plural, Singular, typeof(T), (PropertyInfo)((MemberExpression)Tags.Body).Member)
    where T : Entity, IOwned
{
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    public override IQueryable<Entity> Query(RapportDb db) => db.Set<T>();

    public override async Task<Dictionary<string, int>> CountsAsync(RapportDb db, Auth.RecordAccess access, string? prefix,
        CancellationToken ct)
    {
        var names = access.Readable(db.Set<T>()).SelectMany(Expression.Lambda<Func<T, IEnumerable<string>>>(Tags.Body, Tags.Parameters))
            .Select(t => t.ToLower());
        if (prefix is not null) names = names.Where(t => t.StartsWith(prefix));
        var counts = await names.GroupBy(t => t).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        // SQLite's lower() folds ASCII only: fold again here so every spelling lands on the catalogue's key.
        return counts.GroupBy(c => TagNames.Normalize(c.Key)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    public override IQueryable<Entity> Carrying(RapportDb db, string normalizedName)
    {
        var tag = Expression.Parameter(typeof(string), "t");
        var equals = Expression.Equal(Expression.Call(tag, ToLower), Api.Listing.FilterOperators.Parameter(normalizedName, typeof(string)));
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], Tags.Body,
            Expression.Lambda<Func<string, bool>>(equals, tag));
        return db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(any, Tags.Parameters));
    }

    public override async Task<List<Entity>> EditableAsync(RapportDb db, Auth.RecordAccess access, IReadOnlyCollection<Guid> ids,
        CancellationToken ct) =>
        [.. await access.Within(db.Set<T>(), Auth.Operation.Edit).Where(r => ids.Contains(r.Id)).ToListAsync(ct)];
}

public static class TaggedRecords
{
    public static readonly IReadOnlyList<TaggedRecordType> All =
    [
        new TaggedRecordType<Contact>("contacts", "contact", c => c.Tags),
        new TaggedRecordType<Company>("companies", "company", c => c.Tags),
    ];

    public static TaggedRecordType? Of(Type entityType) => All.FirstOrDefault(t => t.EntityType == entityType);
}
