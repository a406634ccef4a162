using MiniExcelLibs;

namespace Rapport.Platform.Export;

/// <summary>
/// Writes records as an XLSX workbook. A workbook is a zip whose parts are written synchronously, so it is built
/// row by row into a temporary file (not memory) and then sent; the file deletes itself when closed.
/// </summary>
public static class XlsxExportWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync<T>(Stream body, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns,
        CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rapport-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        // The rows are read from the database synchronously here, on a pool thread, never on the request's.
        await Task.Run(() => MiniExcel.SaveAs(file, Cells(rows, columns), excelType: ExcelType.XLSX), ct);
        file.Position = 0;
        await file.CopyToAsync(body, ct);
    }

    private static IEnumerable<IDictionary<string, object?>> Cells<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            foreach (var column in columns) cells[column.Header] = SpreadsheetText.Neutralise(column.Value(row));
            yield return cells;
        }
    }
}
