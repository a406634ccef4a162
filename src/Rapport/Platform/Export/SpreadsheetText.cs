namespace Rapport.Platform.Export;

/// <summary>
/// Keeps exported text from running as a spreadsheet formula (OWASP "CSV injection"): a cell that starts with
/// = + - @ tab or carriage return gets a leading single quote, which spreadsheets show as text.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
