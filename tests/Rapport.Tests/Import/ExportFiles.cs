using CsvHelper;
using MiniExcelLibs;

namespace Rapport.Tests.Import;

/// <summary>Reads downloaded exports the way a spreadsheet would: one dictionary per row, keyed by header.</summary>
public static class ExportFiles
{
    public static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ',' });
        var rows = new List<Dictionary<string, string>>();
        var headers = csv.Headers.ToArray();
        while (csv.Read())
        {
            rows.Add(headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => csv.GetString(p.i)));
        }
        return rows;
    }

    public static List<Dictionary<string, string>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.ToDictionary(c => c.Key, c => c.Value?.ToString() ?? ""))
            .ToList();
    }
}
