using System.Text.Json.Serialization;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.Import;

public sealed record PreviewColumn(string Header, string? Field);

public sealed record PreviewRow(int Row, IReadOnlyDictionary<string, string> Values, IReadOnlyList<ImportRowError> Errors)
{
    /// <summary>Existing records this row may be the same as (<see cref="ImportKind.WarnAsync"/>).</summary>
    public IReadOnlyList<ImportRowWarning> Warnings { get; init; } = [];

    /// <summary>The trimmed cell of a field, or null when the row has none.</summary>
    public string? Text(string field) =>
        Values.TryGetValue(field, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

/// <summary>
/// A likely duplicate of a preview row: the existing record — <c>contactId</c> in a contact import, <c>companyId</c>
/// in a company import — and why it matches.
/// </summary>
public sealed record ImportRowWarning(string Name, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? ContactId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? CompanyId { get; init; }

    [JsonIgnore]
    public Guid RecordId => ContactId ?? CompanyId ?? Guid.Empty;
}

public sealed record ImportPreviewResponse(string Encoding, IReadOnlyList<PreviewColumn> Columns, IReadOnlyList<string> Fields,
    IReadOnlyList<PreviewRow> Rows);

/// <summary>The first rows of a file read through a mapping as records of one type, with their problems; nothing is written.</summary>
public static class ImportPreviewer
{
    public const int Rows = 20;

    public static async Task<ImportPreviewResponse> PreviewAsync(Stream file, ImportKind kind, IReadOnlyDictionary<string, string>? chosen,
        IReadOnlyList<CustomFieldDefinition> custom, CancellationToken ct)
    {
        // The preview reads a copy of the start of the file only, so its encoding is judged on that part.
        var head = new MemoryStream();
        await CopyHeadAsync(file, head, 4 * 1024 * 1024, ct);
        head.Position = 0;
        var encoding = await ImportCsv.DetectEncodingAsync(head, ct);
        head.Position = 0;
        using var csv = ImportCsv.Open(head, encoding);
        var headers = csv.Headers;
        var mapping = ImportMapping.For(kind, headers, chosen, custom);
        var fieldAt = mapping.FieldAt(headers);
        var columnOf = mapping.ColumnOf();
        var rows = new List<PreviewRow>();
        while (rows.Count < Rows && await csv.ReadAsync(ct))
        {
            foreach (var broken in csv.TakeMalformed()) rows.Add(new PreviewRow(broken.Row, new Dictionary<string, string>(), [broken]));
            var values = csv.Values(fieldAt);
            var row = kind.Read(csv.Row, values, columnOf, custom);
            rows.Add(new PreviewRow(csv.Row, values.ToDictionary(v => v.Key, v => v.Value.Length > 200 ? v.Value[..200] + "…" : v.Value), row.Errors));
        }
        foreach (var broken in csv.TakeMalformed()) if (rows.Count < Rows) rows.Add(new PreviewRow(broken.Row, new Dictionary<string, string>(), [broken]));
        var columns = headers.Select(h => new PreviewColumn(h, mapping.ColumnToField.GetValueOrDefault(h))).ToList();
        return new ImportPreviewResponse(encoding, columns, kind.Fields.AllWith(custom), rows);
    }

    private static async Task CopyHeadAsync(Stream from, Stream to, int limit, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while (to.Length < limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - to.Length)), ct)) > 0)
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
    }
}
