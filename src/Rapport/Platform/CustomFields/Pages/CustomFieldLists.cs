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
        definitions.Select(field => field.Type switch
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
