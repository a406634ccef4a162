using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Rapport.Platform.Ui.Records;

namespace Rapport.Platform.CustomFields.Pages;

/// <summary>
/// Custom fields on a list page: a column each (hidden until chosen; sortable where the API sorts), and a filter for
/// each select, multi select and text field, written in the API's filter language like every other list filter.
/// </summary>
public static class CustomFieldLists
{
    public static async Task<IReadOnlyList<CustomFieldDefinition>> LoadAsync(RecordOperations operations, string objectKey) =>
        ((await operations.RunAsync<CustomFieldValues, IReadOnlyList<CustomFieldDefinition>>(
            v => v.DefinitionsAsync(objectKey, CancellationToken.None))).Value ?? []).Where(d => !d.Archived).ToList();

    public static IEnumerable<ListColumn<TRow>> Columns<TRow>(IReadOnlyList<CustomFieldDefinition> definitions,
        Func<TRow, IReadOnlyDictionary<string, JsonElement>> values) =>
        definitions.Select(field => new ListColumn<TRow>($"cf.{field.Name}", field.Label, row => Cell(field, values(row)))
        {
            SortField = field.Type is CustomFieldType.MultiSelect or CustomFieldType.LongText ? null : $"customFields.{field.Name}",
            VisibleByDefault = false,
        });

    public static IEnumerable<ListFilter> Filters(IReadOnlyList<CustomFieldDefinition> definitions) =>
        definitions.SelectMany(field => field.Type switch
        {
            CustomFieldType.Number or CustomFieldType.Decimal => Range(field, NumberLiteral),
            CustomFieldType.Date => Range(field, v => DateLiteral(v, "yyyy-MM-dd")),
            CustomFieldType.DateTime => Range(field, v => DateLiteral(v, "yyyy-MM-ddTHH:mm:ssZ")),
            CustomFieldType.Boolean => [ListFilter.YesNo($"cf_{field.Name}", field.Label, $"customFields.{field.Name}")],
            _ => One(field),
        });

    /// <summary>"from" and "to" boxes for a number or a date.</summary>
    private static ListFilter[] Range(CustomFieldDefinition field, Func<string, string?> literal) =>
    [
        ListFilter.AtLeast($"cf_{field.Name}_min", $"{field.Label} from", $"customFields.{field.Name}", literal),
        ListFilter.AtMost($"cf_{field.Name}_max", $"{field.Label} to", $"customFields.{field.Name}", literal),
    ];

    private static string? NumberLiteral(string typed) =>
        decimal.TryParse(typed, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? DateLiteral(string typed, string format) =>
        DateTime.TryParse(typed, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value)
            ? ListFilter.Quote(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture)) : null;

    private static IEnumerable<ListFilter> One(CustomFieldDefinition field) =>
        new[] { field }.Select(field => field.Type switch
        {
            CustomFieldType.Select => ListFilter.AnyOf($"cf_{field.Name}", field.Label, $"customFields.{field.Name}",
                field.Options.Select(o => new FilterOption(o, o)).ToList()),
            CustomFieldType.MultiSelect => ListFilter.Has($"cf_{field.Name}", field.Label, $"customFields.{field.Name}"),
            CustomFieldType.Text or CustomFieldType.Email or CustomFieldType.Phone or CustomFieldType.Url =>
                ListFilter.Contains($"cf_{field.Name}", field.Label, $"customFields.{field.Name}"),
            _ => null,
        }).OfType<ListFilter>();

    private static RenderFragment Cell(CustomFieldDefinition field, IReadOnlyDictionary<string, JsonElement> values) => builder =>
    {
        builder.OpenElement(0, "span");
        if (values.TryGetValue(field.Name, out var value)) builder.AddContent(1, CustomFieldValuesView.Display(field, value));
        builder.CloseElement();
    };
}
