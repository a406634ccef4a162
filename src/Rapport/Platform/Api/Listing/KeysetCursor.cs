using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// A predicate selecting the rows strictly after the cursor in the given order. With <paramref name="rowValues"/>
    /// (PostgreSQL) an ascending sort on plain non-null columns becomes one row comparison, (k1, …, id) > (v1, …, id),
    /// which the database seeks in its index: the OR chain below can only seek to the first key's value and then
    /// reads every row sharing it (1,500 heap pages per page of a common last name at 1M contacts, bench/notes.md).
    /// </summary>
    public Expression<Func<T, bool>> After<T>(string cursor, IReadOnlyList<SortKey> keys, bool rowValues = false) where T : Data.Entity
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
        if (rowValues && RowComparison(keys, state, parameter, id) is { } row) return Expression.Lambda<Func<T, bool>>(row, parameter);
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

    private static readonly MethodInfo RowGreaterThan = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.GreaterThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static MethodCallExpression? RowComparison(IReadOnlyList<SortKey> keys, State state, ParameterExpression parameter, Expression id)
    {
        // Six keys and the id fill a seven-element ValueTuple; row values with nulls compare differently from the sort order.
        if (keys.Count > 6 || keys.Any(k => k.Descending || k.Nullable) || state.Values.Any(v => v is null)) return null;
        var members = keys.Select(k => SortKeys.Member(k, parameter)).ToList();
        if (members.Any(m => m is not MemberExpression)) return null;
        var values = keys.Select((k, i) => FilterOperators.Parameter(state.Values[i]!.Value.Deserialize(k.Field.Type), members[i].Type)).ToList();
        members.Add(id);
        values.Add(FilterOperators.Parameter(state.Id, typeof(Guid)));
        return Expression.Call(RowGreaterThan, Expression.Property(null, typeof(EF), nameof(EF.Functions)),
            Expression.Convert(Tuple(members), typeof(ITuple)), Expression.Convert(Tuple(values), typeof(ITuple)));
    }

    private static NewExpression Tuple(IReadOnlyList<Expression> items)
    {
        var types = items.Select(i => i.Type).ToArray();
        var type = typeof(ValueTuple).Assembly.GetType($"System.ValueTuple`{types.Length}")!.MakeGenericType(types);
        return Expression.New(type.GetConstructor(types)!, items);
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
