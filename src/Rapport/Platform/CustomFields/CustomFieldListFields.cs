using System.Globalization;
using System.Linq.Expressions;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Listing;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// Custom fields as list fields: <c>customFields.tier</c> (or the short <c>cf.tier</c>) in <c>filter</c> and
/// <c>sort</c>, typed by the field's definition, read in SQL through <see cref="CustomFieldSql"/>.
/// </summary>
public static class CustomFieldListFields
{
    public const string ShortPrefix = "cf";

    /// <summary>Whether a request names a custom field at all (only then are the definitions loaded).</summary>
    public static bool Mentioned(ListRequest request) =>
        Names(request.Filter) || Names(request.Sort);

    private static bool Names(string? text) =>
        text is not null && (text.Contains(CustomFieldValues.Prefix + ".", StringComparison.OrdinalIgnoreCase)
                             || text.Contains(ShortPrefix + ".", StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<(string Name, ListField Field)> For<T>(IEnumerable<CustomFieldDefinition> definitions)
    {
        var record = Expression.Parameter(typeof(T), "r");
        var values = Expression.Property(record, nameof(IHasCustomFields.CustomFields));
        foreach (var definition in definitions)
        {
            var field = Field(definition, record, values);
            yield return (field.Name, field);
            yield return ($"{ShortPrefix}.{definition.Name}", field);
        }
    }

    private static ListField Field(CustomFieldDefinition definition, ParameterExpression record, Expression values)
    {
        var name = $"{CustomFieldValues.Prefix}.{definition.Name}";
        var reader = CustomFieldSql.Call(CustomFieldSql.ReaderFor(definition.Type), values, definition.Name);
        var selector = Expression.Lambda(reader, record);
        return definition.Type switch
        {
            CustomFieldType.Date => new ListField(name, selector, Sortable: true)
            {
                LiteralType = typeof(DateTime?),
                ToStored = v => ((DateTime)v).ToString(CustomFieldRules.DateFormat, CultureInfo.InvariantCulture),
            },
            CustomFieldType.DateTime => new ListField(name, selector, Sortable: true)
            {
                LiteralType = typeof(DateTime?),
                ToStored = v => CustomFieldRules.ToStored((DateTime)v),
            },
            CustomFieldType.MultiSelect => new ListField(name, selector, Sortable: false)
            {
                Has = (member, option) => CustomFieldRules.OptionProblem(option) is null
                    ? CustomFieldSql.HasCall(member, FilterOperators.Parameter(option, typeof(string)))
                    : throw new BadRequestException($"filter: '{CustomFieldRules.Shorten(option)}' is not a possible option of {name}. See docs/api.md#filtering."),
            },
            CustomFieldType.LongText => new ListField(name, selector, Sortable: false),
            _ => new ListField(name, selector, Sortable: true),
        };
    }
}
