using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Rapport.Platform.Api.Listing;

/// <summary>Builds one typed comparison of a field with a literal from the filter.</summary>
internal static class FilterOperators
{
    private static readonly MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringContains =
        typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith =
        typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    public static Expression Build(ListField field, Expression member, string op, Token token,
        Func<string, BadRequestException> error)
    {
        if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le" or "contains" or "startswith" or "has"))
            throw error($"unknown operator '{op}'; use eq, ne, gt, ge, lt, le, contains, startswith, in or has");
        if (op == "has") return field.Has is { } has ? HasOption(field, member, has, token, error) : Has(field, member, token, error);
        if (field.Has is not null) throw error($"'{op}' does not apply to {field.Name}; use has");
        var type = member.Type;
        var literalType = field.LiteralType ?? type;
        // Say what is wrong with the operator before complaining about the value it was given.
        if (op is "contains" or "startswith" && literalType != typeof(string))
            throw error($"'{op}' applies only to text fields, not {field.Name}");
        var value = FilterValues.Convert(field, literalType, token, error);
        if (value is not null && field.ToStored is { } toStored) value = toStored(value);
        var constant = Parameter(value, type);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        switch (op)
        {
            case "eq": return Expression.Equal(member, constant);
            case "ne": return Expression.NotEqual(member, constant);
            case "gt" or "ge" or "lt" or "le":
                if (value is null) throw error($"'{op}' cannot compare with null");
                if (underlying == typeof(bool) || underlying.IsEnum)
                    throw error($"'{op}' does not apply to {field.Name}; use eq, ne or in");
                if (type == typeof(string))
                {
                    var compare = Expression.Call(StringCompare, member, constant);
                    return Compare(op, compare, Expression.Constant(0));
                }
                return Compare(op, member, constant);
            case "contains" or "startswith":
                if (type != typeof(string)) throw error($"'{op}' applies only to text fields, not {field.Name}");
                if (value is null) throw error($"'{op}' needs a string");
                var lowered = Expression.Call(member, ToLower);
                var needle = Parameter(((string)value).ToLowerInvariant(), typeof(string));
                return Expression.AndAlso(
                    Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
                    Expression.Call(lowered, op == "contains" ? StringContains : StringStartsWith, needle));
            default:
                throw error($"unknown operator '{op}'; use eq, ne, gt, ge, lt, le, contains, startswith, in or has");
        }
    }

    private static MethodCallExpression Has(ListField field, Expression member, Token token, Func<string, BadRequestException> error)
    {
        var element = member.Type.GetInterfaces().Append(member.Type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
        if (member.Type == typeof(string) || element is null)
            throw error($"'has' applies only to list fields such as tags, not {field.Name}");
        var value = FilterValues.Convert(field, element, token, error);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [element], member, Parameter(value, element));
    }

    private static Expression HasOption(ListField field, Expression member, Func<Expression, string, Expression> has, Token token,
        Func<string, BadRequestException> error)
    {
        if (FilterValues.Convert(field, typeof(string), token, error) is not string option)
            throw error($"'has' needs a 'quoted option' for {field.Name}");
        return has(member, option);
    }

    private static BinaryExpression Compare(string op, Expression left, Expression right) => op switch
    {
        "gt" => Expression.GreaterThan(left, right),
        "ge" => Expression.GreaterThanOrEqual(left, right),
        "lt" => Expression.LessThan(left, right),
        _ => Expression.LessThanOrEqual(left, right),
    };

    /// <summary>A value EF Core sends as a SQL parameter (member access on a closure), not as a literal.</summary>
    public static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private sealed class ValueHolder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

internal static class FilterValues
{
    public static object? Convert(ListField field, Type type, Token token, Func<string, BadRequestException> error)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (token.Kind == TokenKind.Word && token.Text.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            if (underlying == type && type.IsValueType) throw error($"{field.Name} is never null");
            return null;
        }
        var text = token.Text;
        object? result = null;
        var ok = token.Kind switch
        {
            TokenKind.String when underlying == typeof(string) => Set(text),
            TokenKind.String when underlying == typeof(DateTime) => TryDate(text, out result),
            TokenKind.String when underlying == typeof(Guid) => TryGuid(text, out result),
            TokenKind.String when underlying.IsEnum => TryEnum(underlying, text, out result),
            TokenKind.Number when underlying == typeof(int) => TryNumber(text, s => int.Parse(s, CultureInfo.InvariantCulture), out result),
            TokenKind.Number when underlying == typeof(long) => TryNumber(text, s => long.Parse(s, CultureInfo.InvariantCulture), out result),
            TokenKind.Number when underlying == typeof(decimal) => TryNumber(text, s => decimal.Parse(s, CultureInfo.InvariantCulture), out result),
            TokenKind.Number when underlying == typeof(double) => TryNumber(text, s => double.Parse(s, CultureInfo.InvariantCulture), out result),
            TokenKind.Word when underlying == typeof(bool) && text.Equals("true", StringComparison.OrdinalIgnoreCase) => Set(true),
            TokenKind.Word when underlying == typeof(bool) && text.Equals("false", StringComparison.OrdinalIgnoreCase) => Set(false),
            _ => false,
        };
        if (!ok) throw error($"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a valid value for {field.Name} ({Describe(underlying)})");
        return result;

        bool Set(object value)
        {
            result = value;
            return true;
        }
    }

    private static bool TryDate(string text, out object? result)
    {
        var ok = DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date);
        result = date;
        return ok;
    }

    private static bool TryGuid(string text, out object? result)
    {
        var ok = Guid.TryParse(text, out var id);
        result = id;
        return ok;
    }

    private static bool TryEnum(Type type, string text, out object? result)
    {
        var ok = Enum.TryParse(type, text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out result)
            && Enum.IsDefined(type, result!);
        return ok;
    }

    private static bool TryNumber(string text, Func<string, object> parse, out object? result)
    {
        try
        {
            result = parse(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            result = null;
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "a 'quoted string'",
        _ when type == typeof(DateTime) => "a 'quoted ISO 8601 date'",
        _ when type == typeof(Guid) => "a 'quoted id'",
        _ when type == typeof(bool) => "true or false",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => $"'{char.ToLowerInvariant(n[0])}{n[1..]}'")),
        _ => "a number",
    };
}
