using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// Reads one custom field out of a record's <c>CustomFields</c> JSON inside a query, so filters and sorts on custom
/// fields run in the database on both providers: SQLite's <c>json_extract</c>, PostgreSQL's
/// <c>jsonb_extract_path_text</c> (decision 0011). The C# bodies do the same on a loaded record (keyset cursors
/// read the sort values of the last row that way).
/// </summary>
public static class CustomFieldSql
{
    private static readonly MethodInfo TextMethod = typeof(CustomFieldSql).GetMethod(nameof(Text))!;
    private static readonly MethodInfo NumberMethod = typeof(CustomFieldSql).GetMethod(nameof(Number))!;
    private static readonly MethodInfo BooleanMethod = typeof(CustomFieldSql).GetMethod(nameof(Boolean))!;
    private static readonly MethodInfo HasMethod = typeof(CustomFieldSql).GetMethod(nameof(Has))!;

    public static string? Text(string? values, string name) =>
        CustomFieldJson.Get(values, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static double? Number(string? values, string name) =>
        CustomFieldJson.Get(values, name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    public static bool? Boolean(string? values, string name) =>
        CustomFieldJson.Get(values, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>Whether a multi-select value lists <paramref name="option"/> (never null).</summary>
    public static bool Has(string? values, string name, string option) =>
        CustomFieldJson.Get(values, name) is { ValueKind: JsonValueKind.Array } value
        && value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == option);

    internal static MethodCallExpression Call(MethodInfo method, Expression values, string name) =>
        Expression.Call(method, values, Expression.Constant(name));

    internal static MethodInfo ReaderFor(CustomFieldType type) => type switch
    {
        CustomFieldType.Number or CustomFieldType.Decimal => NumberMethod,
        CustomFieldType.Boolean => BooleanMethod,
        _ => TextMethod,
    };

    /// <summary><c>Has(values, name, option)</c> for a reader call <c>Text(values, name)</c> of the same field.</summary>
    internal static Expression HasCall(Expression reader, Expression option)
    {
        var call = (MethodCallExpression)reader;
        return Expression.Call(HasMethod, call.Arguments[0], call.Arguments[1], option);
    }

    // Every function below is declared nullable without its arguments propagating nullability: a record that has
    // values but not this one still reads null, so EF Core must not rewrite "value IS NULL" to "column IS NULL".

    public static void ConfigureSqlite(ModelBuilder builder, IRelationalTypeMappingSource types)
    {
        var text = types.FindMapping(typeof(string))!;
        var real = types.FindMapping(typeof(double))!;
        var boolean = types.FindMapping(typeof(bool))!;
        var integer = types.FindMapping(typeof(int))!;
        // '$.name': names are plain identifiers (checked when a field is defined), so no quoting is needed.
        SqlExpression Extract(IReadOnlyList<SqlExpression> args, Type type, RelationalTypeMapping mapping) =>
            new SqlFunctionExpression("json_extract", [args[0], Path(args[1], text)], nullable: true,
                argumentsPropagateNullability: [false, false], type, mapping);
        builder.HasDbFunction(TextMethod).HasTranslation(args => Extract(args, typeof(string), text));
        builder.HasDbFunction(NumberMethod).HasTranslation(args => Extract(args, typeof(double), real));
        builder.HasDbFunction(BooleanMethod).HasTranslation(args => Extract(args, typeof(bool), boolean));
        // A stored list is written by CustomFieldJson as ["a","b"], and options hold no quotes or commas, so
        // '"option"' occurs in it exactly when the option is listed.
        builder.HasDbFunction(HasMethod).HasTranslation(args =>
        {
            var list = new SqlFunctionExpression("coalesce",
                [Extract(args, typeof(string), text), new SqlConstantExpression("", typeof(string), text)],
                nullable: false, argumentsPropagateNullability: [false, false], typeof(string), text);
            var quote = new SqlConstantExpression("\"", typeof(string), text);
            var needle = new SqlBinaryExpression(ExpressionType.Add,
                new SqlBinaryExpression(ExpressionType.Add, quote, args[2], typeof(string), text), quote, typeof(string), text);
            var position = new SqlFunctionExpression("instr", [list, needle], nullable: true,
                argumentsPropagateNullability: [false, false], typeof(int), integer);
            return new SqlBinaryExpression(ExpressionType.GreaterThan, position,
                new SqlConstantExpression(0, typeof(int), integer), typeof(bool), boolean);
        });
    }

    public static void ConfigurePostgres(ModelBuilder builder, IRelationalTypeMappingSource types)
    {
        var text = types.FindMapping(typeof(string), "text")!;
        var jsonb = types.FindMapping(typeof(string), "jsonb")!;
        var real = types.FindMapping(typeof(double))!;
        var boolean = types.FindMapping(typeof(bool))!;
        SqlExpression Extract(IReadOnlyList<SqlExpression> args) =>
            new SqlFunctionExpression("jsonb_extract_path_text", [args[0], Name(args[1], text)], nullable: true,
                argumentsPropagateNullability: [false, false], typeof(string), text);
        builder.HasDbFunction(TextMethod).HasTranslation(Extract);
        builder.HasDbFunction(NumberMethod).HasTranslation(args =>
            new SqlUnaryExpression(ExpressionType.Convert, Extract(args), typeof(double), real));
        builder.HasDbFunction(BooleanMethod).HasTranslation(args =>
            new SqlUnaryExpression(ExpressionType.Convert, Extract(args), typeof(bool), boolean));
        builder.HasDbFunction(HasMethod).HasTranslation(args =>
        {
            var list = new SqlFunctionExpression("jsonb_extract_path", [args[0], Name(args[1], text)], nullable: true,
                argumentsPropagateNullability: [false, false], typeof(string), jsonb);
            var exists = new SqlFunctionExpression("jsonb_exists", [list, args[2]], nullable: true,
                argumentsPropagateNullability: [false, false], typeof(bool), boolean);
            return new SqlFunctionExpression("coalesce", [exists, new SqlConstantExpression(false, typeof(bool), boolean)],
                nullable: false, argumentsPropagateNullability: [false, false], typeof(bool), boolean);
        });
    }

    private static SqlConstantExpression Path(SqlExpression name, RelationalTypeMapping text) =>
        new("$." + ConstantName(name), typeof(string), text);

    private static SqlConstantExpression Name(SqlExpression name, RelationalTypeMapping text) =>
        new(ConstantName(name), typeof(string), text);

    private static string ConstantName(SqlExpression name) =>
        name is SqlConstantExpression { Value: string value } && CustomFieldRules.NamePattern().IsMatch(value)
            ? value
            : throw new InvalidOperationException("A custom field is read by a constant, valid field name only.");
}
