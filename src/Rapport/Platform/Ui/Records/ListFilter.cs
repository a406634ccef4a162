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
}

/// <summary>
/// A filter control on a list page. Choices become an expression in the API's filter language, so the UI and
/// the API filter through the same parser and allow-list.
/// </summary>
public sealed record ListFilter(string Key, string Label, string Field, ListFilterKind Kind)
{
    public IReadOnlyList<FilterOption> Options { get; init; } = [];

    public static ListFilter AnyOf(string key, string label, string field, IReadOnlyList<FilterOption> options) =>
        new(key, label, field, ListFilterKind.AnyOf) { Options = options };

    public static ListFilter Has(string key, string label, string field) => new(key, label, field, ListFilterKind.Has);

    public static ListFilter Contains(string key, string label, string field) => new(key, label, field, ListFilterKind.Contains);

    public string? ToExpression(IReadOnlyCollection<string> values)
    {
        var chosen = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
        if (chosen.Count == 0) return null;
        return Kind switch
        {
            ListFilterKind.AnyOf => chosen.Count == 1
                ? $"{Field} eq {Quote(chosen[0])}"
                : $"{Field} in ({string.Join(", ", chosen.Select(Quote))})",
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
