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

    /// <summary>How many records the caller can read carry each of <paramref name="tags"/>, by tag id (one query).</summary>
    public abstract Task<Dictionary<Guid, int>> CountsAsync(RapportDb db, Auth.RecordAccess access, IQueryable<Tag> tags, CancellationToken ct);

    /// <summary>Every distinct tag name on records of this type, whoever owns them.</summary>
    public abstract Task<List<string>> NamesInUseAsync(RapportDb db, CancellationToken ct);

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

    public override async Task<Dictionary<Guid, int>> CountsAsync(RapportDb db, Auth.RecordAccess access, IQueryable<Tag> tags,
        CancellationToken ct)
    {
        // tag => readable.Count(r => r.Tags.Any(t => t.ToLower() == tag.NormalizedName)): a correlated count per
        // catalogue row. (Unnesting every record's tags and grouping would need a lateral join, which EF Core cannot
        // write for SQLite.)
        var readable = access.Readable(db.Set<T>());
        var tag = Expression.Parameter(typeof(Tag), "tag");
        var name = Expression.Parameter(typeof(string), "t");
        var equals = Expression.Equal(Expression.Call(name, ToLower), Expression.Property(tag, nameof(Tag.NormalizedName)));
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], Tags.Body,
            Expression.Lambda<Func<string, bool>>(equals, name));
        var count = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(T)], readable.Expression,
            Expression.Quote(Expression.Lambda<Func<T, bool>>(any, Tags.Parameters)));
        var row = Expression.New(typeof(TagCount).GetConstructors()[0], Expression.Property(tag, nameof(Tag.Id)), count);
        var rows = await tags.Select(Expression.Lambda<Func<Tag, TagCount>>(row, tag)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Count);
    }

    public override Task<List<string>> NamesInUseAsync(RapportDb db, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
            return db.Set<T>().SelectMany(Expression.Lambda<Func<T, IEnumerable<string>>>(Tags.Body, Tags.Parameters)).Distinct().ToListAsync(ct);
        // EF Core cannot unnest a JSON column across rows on SQLite (no lateral join); json_each can.
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName();
        var column = entity.FindProperty(Property.Name)!.GetColumnName();
        // Table and column names come from the EF model, never from a request.
        var sql = $"SELECT DISTINCT j.value AS \"Value\" FROM \"{table}\" AS r, json_each(r.\"{column}\") AS j WHERE j.type = 'text'";
        return db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
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

public sealed record TagCount(Guid Id, int Count);

public static class TaggedRecords
{
    public static readonly IReadOnlyList<TaggedRecordType> All =
    [
        new TaggedRecordType<Contact>("contacts", "contact", c => c.Tags),
        new TaggedRecordType<Company>("companies", "company", c => c.Tags),
    ];

    public static TaggedRecordType? Of(Type entityType) => All.FirstOrDefault(t => t.EntityType == entityType);
}
