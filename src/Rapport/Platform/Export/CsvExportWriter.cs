using CsvHelper;

namespace Rapport.Platform.Export;

/// <summary>
/// Writes records as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read accents) while they are
/// read from the database: the writer flushes its 64 KiB buffer asynchronously as it fills, so an export of any
/// size holds only a buffer's worth in memory.
/// </summary>
public static class CsvExportWriter
{
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true };

    public static async Task WriteAsync<T>(Stream body, IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns,
        CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, Options, true);
        await csv.WriteRecordAsync(columns.Select(c => c.Header).ToArray(), ct);
        var cells = new string[columns.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++) cells[i] = SpreadsheetText.Neutralise(columns[i].Value(row));
            await csv.WriteRecordAsync(cells, ct);
        }
        await csv.FlushAsync(ct);
    }
}
