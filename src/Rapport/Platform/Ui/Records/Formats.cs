using System.Globalization;

namespace Rapport.Platform.Ui.Records;

/// <summary>How record pages show dates and numbers: one culture-independent form, so every user reads the same.</summary>
public static class Formats
{
    public static string When(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "";

    public static string Money(decimal? amount, string? currency) =>
        amount is { } a ? $"{currency} {a.ToString("N2", CultureInfo.InvariantCulture)}".Trim() : "";
}
