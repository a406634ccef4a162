using System.Text;
using CsvHelper;

namespace Rapport.Contacts.Import;

/// <summary>
/// Reads an uploaded CSV file one record at a time (never the whole file): detects its encoding, reports broken
/// quoting as error rows and keeps going, and gives each record as field → text through the mapping.
/// </summary>
public sealed class ImportCsv : IDisposable
{
    /// <summary>A record longer than this stops the import: such a file is not a contact list.</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    private readonly CsvReader reader;
    private readonly List<ImportRowError> malformed = [];
    private int skipped;
    private int returned;

    private ImportCsv(CsvReader reader) => this.reader = reader;

    public IReadOnlyList<string> Headers => reader.Headers;

    /// <summary>
    /// utf-8 when the bytes are valid UTF-8 (with or without a byte order mark), otherwise latin-1, which reads
    /// any byte: a file saved by an old spreadsheet as Windows-1252 then keeps its accents.
    /// </summary>
    public static async Task<string> DetectEncodingAsync(Stream stream, CancellationToken ct)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, ct)) > 0) decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return "utf-8";
        }
        catch (DecoderFallbackException)
        {
            return "latin-1";
        }
    }

    public static ImportCsv Open(Stream stream, string encoding)
    {
        ImportCsv? csv = null;
        var options = new CsvReaderOptions
        {
            Encoding = encoding == "latin-1" ? Encoding.Latin1 : null,
            MalformedData = CsvMalformedDataHandling.Skip,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = record => csv?.Malformed(record),
        };
        csv = new ImportCsv(CsvReader.Create(stream, options, false));
        return csv;
    }

    private void Malformed(CsvMalformedRecord record)
    {
        if (!record.Skipped) return;
        skipped++;
        var row = 1 + returned + skipped;
        malformed.Add(new ImportRowError(row, null, record.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "A quoted value is never closed, so the rest of the file could not be read as rows.",
            CsvMalformedReason.StrayQuote => "A quote inside an unquoted value: the row's quoting is broken.",
            CsvMalformedReason.TextAfterClosingQuote => "Text after a closing quote: the row's quoting is broken.",
            _ => "The row's quoting is broken.",
        }));
    }

    /// <summary>Rows whose quoting was broken since the last call (they are not returned as records).</summary>
    public List<ImportRowError> TakeMalformed()
    {
        var taken = malformed.ToList();
        malformed.Clear();
        return taken;
    }

    /// <summary>Moves to the next record; its spreadsheet row number is <see cref="Row"/>.</summary>
    public async Task<bool> ReadAsync(CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) return false;
        returned++;
        return true;
    }

    public int Row => 1 + returned + skipped;

    /// <summary>The current record's mapped cells: field → text.</summary>
    public Dictionary<string, string> Values(IReadOnlyDictionary<int, string> fieldAt)
    {
        var values = new Dictionary<string, string>(fieldAt.Count, StringComparer.Ordinal);
        foreach (var (index, field) in fieldAt)
            values[field] = index < reader.FieldCount ? reader.GetString(index) : "";
        return values;
    }

    public void Dispose() => reader.Dispose();
}
