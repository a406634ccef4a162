using System.Globalization;

namespace Rapport.Platform.Ui.Records;

public sealed record FilterOption(string Value, string Label);

public enum ListFilterKind
{
    /// <summary>Pick any of a fixed set of values: <c>field in ('a', 'b')</c>.</summary>
    AnyOf,

    /// <summary>Type a value a list field must hold: <c>tags has 'vip'</c>.</summary>
    Has,

    /// <summary>Type text the field must contain: <c>city contains 'ber'</c>.</summary>
    Contains,

    /// <summary>Type the smallest value: <c>seats ge 10</c>, <c>since ge '2024-01-01'</c>.</summary>
    AtLeast,

    /// <summary>Type the largest value: <c>seats le 100</c>.</summary>
    AtMost,
}

/// <summary>
/// A filter control on a list page. Choices become an expression in the API's filter language, so the UI and
/// the API filter through the same parser and allow-list.
/// </summary>
public sealed record ListFilter(string Key, string Label, string Field, ListFilterKind Kind)
{
    public IReadOnlyList<FilterOption> Options { get; init; } = [];

    /// <summary>
    /// Turns a chosen or typed value into a literal of the filter language (a number, a date in quotes, true or
    /// false), or null when it is not one, so a half-typed value filters nothing instead of failing the list.
    /// Without it values are quoted text.
    /// </summary>
    public Func<string, string?>? Literal { get; init; }

    public static ListFilter AnyOf(string key, string label, string field, IReadOnlyList<FilterOption> options) =>
        new(key, label, field, ListFilterKind.AnyOf) { Options = options };

    public static ListFilter Has(string key, string label, string field) => new(key, label, field, ListFilterKind.Has);

    public static ListFilter Contains(string key, string label, string field) => new(key, label, field, ListFilterKind.Contains);

    public static ListFilter AtLeast(string key, string label, string field, Func<string, string?> literal) =>
        new(key, label, field, ListFilterKind.AtLeast) { Literal = literal };

    public static ListFilter AtMost(string key, string label, string field, Func<string, string?> literal) =>
        new(key, label, field, ListFilterKind.AtMost) { Literal = literal };

    /// <summary>Yes or no; both chosen is no filter.</summary>
    public static ListFilter YesNo(string key, string label, string field) =>
        new(key, label, field, ListFilterKind.AnyOf)
        {
            Options = [new FilterOption("true", "Yes"), new FilterOption("false", "No")],
            Literal = v => v is "true" or "false" ? v : null,
        };

    public string? ToExpression(IReadOnlyCollection<string> values)
    {
        var chosen = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
        if (Literal is not null)
        {
            chosen = chosen.Select(Literal).OfType<string>().ToList();
            if (Kind == ListFilterKind.AnyOf && chosen.Count == Options.Count && Options.Count > 0) return null; // every value: no filter
        }
        if (chosen.Count == 0) return null;
        string Value(string v) => Literal is null ? Quote(v) : v;
        return Kind switch
        {
            ListFilterKind.AnyOf => chosen.Count == 1
                ? $"{Field} eq {Value(chosen[0])}"
                : $"{Field} in ({string.Join(", ", chosen.Select(Value))})",
            ListFilterKind.AtLeast => $"{Field} ge {Value(chosen[0])}",
            ListFilterKind.AtMost => $"{Field} le {Value(chosen[0])}",
            ListFilterKind.Has => Join(chosen.Select(v => $"{Field} has {Quote(v)}"), "and"),
            _ => Join(chosen.Select(v => $"{Field} contains {Quote(v)}"), "and"),
        };
    }

    /// <summary>The label of a chosen value, for the chip that shows it.</summary>
    public string LabelOf(string value) => Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;

    public static string Quote(string value) => string.Create(CultureInfo.InvariantCulture, $"'{value.Replace("'", "''", StringComparison.Ordinal)}'");

    private static string Join(IEnumerable<string> parts, string op)
    {
        var list = parts.ToList();
        return list.Count == 1 ? list[0] : "(" + string.Join($" {op} ", list) + ")";
    }
}
