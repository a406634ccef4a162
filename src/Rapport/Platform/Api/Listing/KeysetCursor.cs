using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Rapport.Platform.Api.Listing;

/// <summary>
/// An opaque, signed position in a sorted list: the sort key values and id of the last row returned.
/// Signing (Data Protection) means a tampered or foreign cursor is a 400, never a strange query.
/// </summary>
public sealed class KeysetCursor(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Rapport.Api.Cursor.v1");

    private sealed record State(string Sort, JsonElement?[] Values, Guid Id);

    public string Create<T>(T last, IReadOnlyList<SortKey> keys) where T : Data.Entity
    {
        var values = keys.Select(k =>
        {
            var value = k.Field.ValueOf(last);
            return value is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(value, k.Field.Type);
        }).ToArray();
        return protector.Protect(JsonSerializer.Serialize(new State(Signature(keys), values, last.Id)));
    }

    /// <summary>A predicate selecting the rows strictly after the cursor in the given order.</summary>
    public Expression<Func<T, bool>> After<T>(string cursor, IReadOnlyList<SortKey> keys) where T : Data.Entity
    {
        State state;
        try
        {
            state = JsonSerializer.Deserialize<State>(protector.Unprotect(cursor))!;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            throw new BadRequestException("cursor is not valid. Use the nextCursor of the previous page unchanged.");
        }
        if (state.Sort != Signature(keys) || state.Values.Length != keys.Count)
            throw new BadRequestException("cursor belongs to a different sort. Keep sort the same while paging.");

        var parameter = Expression.Parameter(typeof(T), "r");
        var id = Expression.Property(parameter, nameof(Data.Entity.Id));
        Expression predicate = Expression.GreaterThan(id, FilterOperators.Parameter(state.Id, typeof(Guid)));
        // Built from the last key inwards: (k1 after v1) or (k1 = v1 and ((k2 after v2) or (k2 = v2 and id > last))).
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            var key = keys[i];
            var member = SortKeys.Member(key, parameter);
            var value = state.Values[i] is { } element ? element.Deserialize(key.Field.Type) : null;
            var constant = FilterOperators.Parameter(value, member.Type);
            Expression equal = Expression.Equal(member, constant);
            Expression after;
            if (value is null)
            {
                // Nulls sort last: nothing comes after a null except more nulls (the tie branch).
                after = Expression.Constant(false);
                equal = Expression.Equal(member, Expression.Constant(null, member.Type));
            }
            else
            {
                after = Beyond(member, constant, key.Descending);
                if (key.Nullable) after = Expression.OrElse(Expression.Equal(member, Expression.Constant(null, member.Type)), after);
            }
            predicate = Expression.OrElse(after, Expression.AndAlso(equal, predicate));
            if (i == 0 && value is not null && !key.Nullable)
            {
                // A redundant range on the first key ("k1 >= v1") lets the database seek its index to the cursor
                // instead of walking every row before it: the OR chain alone is not sargable.
                predicate = Expression.AndAlso(Beyond(member, constant, key.Descending, orEqual: true), predicate);
            }
        }
        return Expression.Lambda<Func<T, bool>>(predicate, parameter);
    }

    private static readonly MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static BinaryExpression Beyond(Expression member, Expression constant, bool descending, bool orEqual = false)
    {
        if (member.Type == typeof(string))
        {
            member = Expression.Call(StringCompare, member, constant);
            constant = Expression.Constant(0);
        }
        return (descending, orEqual) switch
        {
            (true, false) => Expression.LessThan(member, constant),
            (true, true) => Expression.LessThanOrEqual(member, constant),
            (false, false) => Expression.GreaterThan(member, constant),
            (false, true) => Expression.GreaterThanOrEqual(member, constant),
        };
    }

    private static string Signature(IReadOnlyList<SortKey> keys) =>
        string.Join(",", keys.Select(k => (k.Descending ? "-" : "") + k.Field.Name));
}
