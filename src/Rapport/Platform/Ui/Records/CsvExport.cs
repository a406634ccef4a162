using System.Text;

namespace Rapport.Platform.Ui.Records;

/// <summary>The rows of a list as CSV (RFC 4180), with the columns the person chose.</summary>
public static class CsvExport
{
    /// <summary>An export is one query; beyond this many rows use the API's keyset paging.</summary>
    public const int MaxRows = 10_000;

    public static string Write<TRow>(IReadOnlyList<ListColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => Field(c.Title))).Append("\r\n");
        foreach (var row in rows)
            csv.AppendJoin(',', columns.Select(c => Field(c.Text?.Invoke(row)))).Append("\r\n");
        return csv.ToString();
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A cell starting with = + - @ would run as a formula in a spreadsheet: keep it text.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
