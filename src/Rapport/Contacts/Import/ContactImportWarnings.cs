using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Duplicates;

namespace Rapport.Contacts.Import;

/// <summary>
/// Warns, in a contact import's preview, of rows that look like contacts the importer can already see: the same email,
/// the same phone, or a similar name at the same company. The duplicate strategy acts on equal emails only;
/// the other matches are for the person importing to judge (and the duplicates page finds them afterwards).
/// </summary>
public sealed class ContactImportWarnings(ContactDuplicates duplicates, CompanyService companies)
{
    /// <summary>Matches named per row; more would crowd the preview.</summary>
    private const int MaxPerRow = 3;

    public async Task<ImportPreviewResponse> AddToAsync(ImportPreviewResponse preview, CancellationToken ct)
    {
        var companyIds = await CompanyIdsAsync(preview.Rows, ct);
        var rows = new List<PreviewRow>(preview.Rows.Count);
        foreach (var row in preview.Rows)
        {
            if (row.Errors.Count > 0 || row.Values.Count == 0)
            {
                rows.Add(row);
                continue;
            }
            var company = Text(row, ContactImportFields.Company) is { } name ? companyIds.GetValueOrDefault(name.ToLowerInvariant()) : null;
            var probe = ContactFacts.Of(null, Text(row, ContactImportFields.FirstName), Text(row, ContactImportFields.LastName),
                Text(row, ContactImportFields.Email), Text(row, ContactImportFields.Phone), company);
            var matches = await duplicates.ForAsync(probe, ct);
            rows.Add(row with
            {
                Warnings = matches.Take(MaxPerRow)
                    .Select(m => new ImportRowWarning(m.Name, $"Possible duplicate of {m.Name} ({string.Join(", ", m.Reasons)}).") { ContactId = m.Id })
                    .ToList(),
            });
        }
        return preview with { Rows = rows };
    }

    private async Task<Dictionary<string, Guid?>> CompanyIdsAsync(IReadOnlyList<PreviewRow> rows, CancellationToken ct)
    {
        var names = rows.Select(r => Text(r, ContactImportFields.Company)?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        if (names.Count == 0) return [];
        var found = await companies.Readable().AsNoTracking().Where(c => names.Contains(c.Name.ToLower()))
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return found.GroupBy(c => c.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => (Guid?)g.First().Id);
    }

    private static string? Text(PreviewRow row, string field) => row.Text(field);
}
