using Rapport.Contacts.Duplicates;

namespace Rapport.Contacts.Import;

/// <summary>
/// Warns, in a company import's preview, of rows that look like companies the importer can already see: the same
/// domain or a similar name (legal forms and a leading "the" aside), found as on create by
/// <see cref="CompanyDuplicates"/>. The duplicate strategy acts on the same domain or the same name only; the
/// similar names are for the person importing to judge.
/// </summary>
public sealed class CompanyImportWarnings(CompanyDuplicates duplicates)
{
    /// <summary>Matches named per row; more would crowd the preview.</summary>
    private const int MaxPerRow = 3;

    public async Task<ImportPreviewResponse> AddToAsync(ImportPreviewResponse preview, CancellationToken ct)
    {
        var rows = new List<PreviewRow>(preview.Rows.Count);
        foreach (var row in preview.Rows)
        {
            if (row.Errors.Count > 0 || row.Text(CompanyImportFields.Name) is not { } name)
            {
                rows.Add(row);
                continue;
            }
            var domain = row.Text(CompanyImportFields.Domain)
                ?? (row.Text(CompanyImportFields.Website) is { } website ? CompanyImportRow.HostOf(website) : null);
            var matches = await duplicates.ForAsync(new CompanyFacts(null, name, domain), ct);
            rows.Add(row with
            {
                Warnings = matches.Take(MaxPerRow)
                    .Select(m => new ImportRowWarning(m.Name, $"Possible duplicate of {m.Name} ({string.Join(", ", m.Reasons)}).") { CompanyId = m.Id })
                    .ToList(),
            });
        }
        return preview with { Rows = rows };
    }
}
