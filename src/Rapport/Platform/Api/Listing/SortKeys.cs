using System.Linq.Expressions;

namespace Rapport.Platform.Api.Listing;

public sealed record SortKey(ListField Field, bool Descending)
{
    public bool Nullable => Field.CanBeNull;
}

/// <summary>
/// Parses <c>sort=-createdAt,name</c> and orders a query by it. Nulls sort last in both directions on both
/// providers (SQLite and PostgreSQL disagree by default), and the id breaks ties so paging is stable.
/// </summary>
public static class SortKeys
{
    public const int MaxKeys = 3;

    public static IReadOnlyList<SortKey> Parse<T>(string? sort, ResourceFields<T> fields, string defaultSort)
    {
        var text = string.IsNullOrWhiteSpace(sort) ? defaultSort : sort;
        if (text.Length > 200) throw new BadRequestException("sort is too long.");
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxKeys) throw new BadRequestException($"sort takes at most {MaxKeys} fields.");
        var keys = new List<SortKey>();
        foreach (var part in parts)
        {
            var descending = part.StartsWith('-');
            var name = part.TrimStart('-', '+');
            var field = fields.Get(name, "sort");
            if (keys.Any(k => k.Field == field)) throw new BadRequestException($"sort names '{field.Name}' twice.");
            keys.Add(new SortKey(field, descending));
        }
        return keys;
    }

    public static IOrderedQueryable<T> Apply<T>(IQueryable<T> query, IReadOnlyList<SortKey> keys) where T : Data.Entity
    {
        var parameter = Expression.Parameter(typeof(T), "r");
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in keys)
        {
            var member = Member(key, parameter);
            if (key.Nullable)
            {
                var isNull = Expression.Equal(member, Expression.Constant(null, member.Type));
                ordered = Order(query, ordered, Expression.Lambda(isNull, parameter), descending: false);
            }
            ordered = Order(query, ordered, Expression.Lambda(member, parameter), key.Descending);
        }
        Expression<Func<T, Guid>> id = r => r.Id;
        return Order(query, ordered, id, descending: false);
    }

    internal static Expression Member(SortKey key, ParameterExpression parameter) =>
        new ParameterReplacer(key.Field.Selector.Parameters[0], parameter).Visit(key.Field.Selector.Body);

    private static IOrderedQueryable<T> Order<T>(IQueryable<T> query, IOrderedQueryable<T>? ordered,
        LambdaExpression selector, bool descending)
    {
        var method = (ordered is null, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var source = (IQueryable<T>?)ordered ?? query;
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), selector.ReturnType],
            source.Expression, Expression.Quote(selector));
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(call);
    }
}
