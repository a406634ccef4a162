using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rapport.Platform.CustomFields;

/// <summary>
/// What each type of custom field accepts, and the one canonical form it is stored in: numbers as JSON numbers,
/// dates as <c>yyyy-MM-dd</c>, date-times as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c> (fixed width, so text order is time
/// order in both databases), options as the option's own spelling. The API, the UI and the import all pass values
/// through here, so a value is valid and stored alike whichever way it came in.
/// </summary>
public static partial class CustomFieldRules
{
    public const int MaxTextLength = 1000;
    public const int MaxLongTextLength = 10_000;
    public const int MaxOptions = 200;
    public const int MaxOptionLength = 100;
    public const decimal MaxNumber = 1_000_000_000_000_000m;
    public const int MaxDecimalPlaces = 4;
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,49}$")]
    public static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9+()./ -]{3,50}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimePattern();

    /// <summary>
    /// The canonical value, or null for "no value" (null, blank text, an empty list); or why the value does not fit.
    /// </summary>
    public static (JsonNode? Value, string? Problem) Check(CustomFieldDefinition field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return (null, null);
        return field.Type switch
        {
            CustomFieldType.Text => Text(value, MaxTextLength, trim: true),
            CustomFieldType.LongText => Text(value, MaxLongTextLength, trim: false),
            CustomFieldType.Number => Number(value, places: null),
            CustomFieldType.Decimal => Number(value, MaxDecimalPlaces),
            CustomFieldType.Date => Date(value),
            CustomFieldType.DateTime => Moment(value),
            CustomFieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? (JsonValue.Create(value.GetBoolean()), null) : (null, "expected true or false"),
            CustomFieldType.Select => Option(field, value),
            CustomFieldType.MultiSelect => Options(field, value),
            CustomFieldType.Email => Email(value),
            CustomFieldType.Phone => Shaped(value, PhonePattern(), "expected a phone number (digits, spaces and + ( ) . / - only)"),
            _ => Url(value),
        };
    }

    /// <summary>
    /// A value typed as text (a form input, a CSV cell) read as the field's type: "12.5" for a number, "yes" for a
    /// yes/no field, "a, b" for a multi select. Blank text is no value.
    /// </summary>
    public static (JsonNode? Value, string? Problem) CheckText(CustomFieldDefinition field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var trimmed = text.Trim();
        switch (field.Type)
        {
            case CustomFieldType.Number or CustomFieldType.Decimal:
                return decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? Check(field, JsonSerializer.SerializeToElement(number))
                    : (null, field.Type == CustomFieldType.Number ? "expected a number" : "expected a decimal number");
            case CustomFieldType.Boolean:
                return trimmed.ToLowerInvariant() switch
                {
                    "true" or "yes" or "y" or "1" => (JsonValue.Create(true), null),
                    "false" or "no" or "n" or "0" => (JsonValue.Create(false), null),
                    _ => (null, "expected yes or no (true or false)"),
                };
            case CustomFieldType.MultiSelect:
                var parts = trimmed.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return Check(field, JsonSerializer.SerializeToElement(parts));
            default:
                return Check(field, JsonSerializer.SerializeToElement(field.Type == CustomFieldType.LongText ? text : trimmed));
        }
    }

    /// <summary>A stored value as a person reads it, and as exports write it (which the import reads back).</summary>
    public static string Format(CustomFieldType type, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
        _ => "",
    };

    /// <summary>Why an option's text cannot be used, or null. Commas, semicolons and quotes would be ambiguous in a
    /// CSV cell listing several options and in the stored list; control characters have no place in a label.</summary>
    public static string? OptionProblem(string? option)
    {
        if (string.IsNullOrWhiteSpace(option)) return "options cannot be blank";
        if (option.Trim().Length > MaxOptionLength) return $"options are at most {MaxOptionLength} characters";
        if (option.Any(c => c is ',' or ';' or '"' or '\\' || char.IsControl(c)))
            return $"option '{Shorten(option)}' may not contain commas, semicolons, quotes, backslashes or control characters";
        return null;
    }

    private static (JsonNode?, string?) Text(JsonElement value, int max, bool trim)
    {
        if (value.ValueKind != JsonValueKind.String) return (null, "expected text (a JSON string)");
        var text = value.GetString()!;
        if (trim) text = text.Trim();
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (text.Length > max) return (null, $"expected at most {max:N0} characters");
        if (Api.StoredText.Problem(text) is { } problem) return (null, problem);
        return (JsonValue.Create(text), null);
    }

    private static (JsonNode?, string?) Number(JsonElement value, int? places)
    {
        var expected = places is null ? "expected a number" : $"expected a decimal number with at most {places} decimal places";
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number)) return (null, expected);
        if (Math.Abs(number) >= MaxNumber) return (null, $"expected a number between -{MaxNumber:N0} and {MaxNumber:N0}");
        if (places is { } max && number.Scale > max && decimal.Round(number, max) != number) return (null, expected);
        // Trailing zeros dropped (10.50 → 10.5): the same number is stored the same way however it was written.
        return (JsonValue.Create(Data.Decimals.Shortest(number)), null);
    }

    private static (JsonNode?, string?) Date(JsonElement value)
    {
        const string expected = "expected a date as 'YYYY-MM-DD'";
        if (value.ValueKind != JsonValueKind.String) return (null, expected);
        var text = value.GetString()!.Trim();
        if (text.Length == 0) return (null, null);
        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (JsonValue.Create(date.ToString(DateFormat, CultureInfo.InvariantCulture)), null)
            : (null, expected);
    }

    private static (JsonNode?, string?) Moment(JsonElement value)
    {
        const string expected = "expected an ISO 8601 date and time such as '2025-03-01T14:30:00Z'";
        if (value.ValueKind != JsonValueKind.String) return (null, expected);
        var text = value.GetString()!.Trim();
        if (text.Length == 0) return (null, null);
        if (!DateTimePattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            return (null, expected);
        return (JsonValue.Create(ToStored(moment.UtcDateTime)), null);
    }

    /// <summary>A UTC time in the stored form (seconds precision).</summary>
    public static string ToStored(DateTime utc) => utc.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static (JsonNode?, string?) Option(CustomFieldDefinition field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return (null, ExpectedOption(field));
        var text = value.GetString()!.Trim();
        if (text.Length == 0) return (null, null);
        var option = field.Options.FirstOrDefault(o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase));
        return option is null ? (null, ExpectedOption(field)) : (JsonValue.Create(option), null);
    }

    private static (JsonNode?, string?) Options(CustomFieldDefinition field, JsonElement value)
    {
        var expected = $"expected a list of options from: {OptionList(field)}";
        if (value.ValueKind != JsonValueKind.Array) return (null, expected);
        var chosen = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return (null, expected);
            var option = field.Options.FirstOrDefault(o => string.Equals(o, item.GetString()!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (option is null) return (null, $"'{Shorten(item.GetString()!)}' is not an option; {expected}");
            if (seen.Add(option)) chosen.Add(option);
        }
        return chosen.Count == 0 ? (null, null) : (chosen, null);
    }

    private static (JsonNode?, string?) Email(JsonElement value)
    {
        const string expected = "expected an email address";
        if (value.ValueKind != JsonValueKind.String) return (null, expected);
        var text = value.GetString()!.Trim();
        if (text.Length == 0) return (null, null);
        return text.Length <= 254 && !text.Any(char.IsWhiteSpace) && new EmailAddressAttribute().IsValid(text) && text.IndexOf('@') > 0
            ? (JsonValue.Create(text), null) : (null, expected);
    }

    private static (JsonNode?, string?) Url(JsonElement value)
    {
        const string expected = "expected an http or https URL";
        if (value.ValueKind != JsonValueKind.String) return (null, expected);
        var text = value.GetString()!.Trim();
        if (text.Length == 0) return (null, null);
        return text.Length <= 2000 && Uri.TryCreate(text, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host)
            ? (JsonValue.Create(text), null) : (null, expected);
    }

    private static (JsonNode?, string?) Shaped(JsonElement value, Regex pattern, string expected)
    {
        if (value.ValueKind != JsonValueKind.String) return (null, expected);
        var text = value.GetString()!.Trim();
        if (text.Length == 0) return (null, null);
        return pattern.IsMatch(text) ? (JsonValue.Create(text), null) : (null, expected);
    }

    private static string ExpectedOption(CustomFieldDefinition field) => $"expected one of: {OptionList(field)}";

    private static string OptionList(CustomFieldDefinition field) =>
        field.Options.Count == 0 ? "(no options defined)" : string.Join(", ", field.Options.Take(20).Select(o => $"'{o}'"))
            + (field.Options.Count > 20 ? ", …" : "");

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
