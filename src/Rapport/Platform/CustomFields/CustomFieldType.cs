namespace Rapport.Platform.CustomFields;

/// <summary>What a custom field holds; fixed when the field is created (a change would strand stored values).</summary>
public enum CustomFieldType
{
    Text,
    LongText,
    Number,
    // The API name of the type ("decimal"), as the issue and docs call it; it names no .NET type here.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The API name of the type.")]
    Decimal,
    Date,
    DateTime,
    Boolean,
    Select,
    MultiSelect,
    Email,
    Phone,
    Url,
}

public static class CustomFieldTypes
{
    /// <summary>The type's name in the API (camelCase, as the JSON enum converter writes it).</summary>
    public static string ApiName(this CustomFieldType type) => Api.RequestValidator.Camel(type.ToString());

    public static bool HasOptions(this CustomFieldType type) => type is CustomFieldType.Select or CustomFieldType.MultiSelect;

    public static string Label(this CustomFieldType type) => type switch
    {
        CustomFieldType.Text => "Text",
        CustomFieldType.LongText => "Long text",
        CustomFieldType.Number => "Number",
        CustomFieldType.Decimal => "Decimal / money",
        CustomFieldType.Date => "Date",
        CustomFieldType.DateTime => "Date and time",
        CustomFieldType.Boolean => "Yes / no",
        CustomFieldType.Select => "Single select",
        CustomFieldType.MultiSelect => "Multi select",
        CustomFieldType.Email => "Email",
        CustomFieldType.Phone => "Phone",
        _ => "URL",
    };
}
