using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Documents;

/// <summary>
/// Documents attached to records, for the API and the UI alike. Every call first checks the caller's right to the
/// parent record: read to list and download, edit to upload and delete; a record they cannot see is a 404, and so is
/// any document on it.
/// </summary>
public sealed class DocumentService(RapportDb db, DocumentTargets targets, FileStore files)
{
    private IQueryable<Document> Documents => db.Set<Document>();

    public async Task<IReadOnlyList<DocumentResponse>> ListAsync(LinkedRecordType type, Guid recordId, CancellationToken ct)
    {
        await targets.DemandAsync(type, recordId, Operation.Read, ct);
        var rows = await Documents.AsNoTracking().Where(d => d.RecordType == type && d.RecordId == recordId).ToListAsync(ct);
        return rows.GroupBy(d => d.SeriesId).Select(g => DocumentResponse.From(g.ToList()))
            .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id).ToList();
    }

    /// <summary>The document named by its id or by any of its versions' ids.</summary>
    public async Task<DocumentResponse> GetAsync(Guid id, CancellationToken ct)
    {
        var versions = await SeriesAsync(id, Operation.Read, tracked: false, ct);
        return DocumentResponse.From(versions);
    }

    public async Task<DocumentResponse> UploadAsync(LinkedRecordType type, Guid recordId, string? fileName, Stream content,
        CancellationToken ct)
    {
        var name = DocumentRules.ValidFileName(fileName);
        await targets.DemandAsync(type, recordId, Operation.Edit, ct);
        var document = new Document { RecordType = type, RecordId = recordId, SeriesId = Guid.CreateVersion7(), VersionNumber = 1 };
        await StoreAsync(document, name, content, ct);
        return DocumentResponse.From([document]);
    }

    /// <summary>Adds a version to the document named by <paramref name="id"/> (its id or a version's); older versions stay.</summary>
    public async Task<DocumentResponse> AddVersionAsync(Guid id, string? fileName, Stream content, CancellationToken ct)
    {
        var name = DocumentRules.ValidFileName(fileName);
        var versions = await SeriesAsync(id, Operation.Edit, tracked: false, ct);
        var latest = versions.MaxBy(v => v.VersionNumber)!;
        var document = new Document
        {
            RecordType = latest.RecordType, RecordId = latest.RecordId, SeriesId = latest.SeriesId,
            VersionNumber = latest.VersionNumber + 1,
        };
        await StoreAsync(document, name, content, ct);
        return DocumentResponse.From([.. versions, document]);
    }

    /// <summary>One version to download: its details and an open stream of its content.</summary>
    public async Task<(DocumentVersionResponse Version, Stream Content)> OpenAsync(Guid id, CancellationToken ct)
    {
        var versions = await SeriesAsync(id, Operation.Read, tracked: false, ct);
        // A version's id downloads that version; the document's id downloads its latest.
        var version = versions.FirstOrDefault(v => v.Id == id) ?? versions.MaxBy(v => v.VersionNumber)!;
        try
        {
            return (DocumentVersionResponse.From(version), files.OpenRead(version.StorageName));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // The row outlived its file (a restore without data/files, a node without the shared volume): say so
            // instead of failing, and keep the row so its history and other versions stay reachable.
            throw new NotFoundException($"The file of document {id} is missing from storage. Upload it again as a new version.");
        }
    }

    /// <summary>Deletes the document with every version and their files.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var versions = await SeriesAsync(id, Operation.Edit, tracked: true, ct);
        db.Set<Document>().RemoveRange(versions);
        await db.SaveChangesAsync(ct);
        // Files go after the rows: a crash in between leaves an orphan file, never a row without its file.
        foreach (var version in versions) files.Delete(version.StorageName);
    }

    /// <summary>
    /// Deletes every document of a record with its files, for the record's own delete (the caller has checked its
    /// right to delete the record). Call it after the record's deletion is saved.
    /// </summary>
    public async Task<int> DeleteForRecordAsync(LinkedRecordType type, Guid recordId, CancellationToken ct)
    {
        var versions = await Documents.Where(d => d.RecordType == type && d.RecordId == recordId).ToListAsync(ct);
        if (versions.Count == 0) return 0;
        db.Set<Document>().RemoveRange(versions);
        await db.SaveChangesAsync(ct);
        foreach (var version in versions) files.Delete(version.StorageName);
        return versions.Count;
    }

    /// <summary>
    /// Re-attaches every document of record <paramref name="from"/> to <paramref name="to"/>, for merging two records.
    /// The merge has checked its rights on both; the caller saves, in its transaction.
    /// </summary>
    public async Task<int> MoveAsync(LinkedRecordType type, Guid from, Guid to, CancellationToken ct)
    {
        var documents = await Documents.Where(d => d.RecordType == type && d.RecordId == from).ToListAsync(ct);
        foreach (var document in documents) document.RecordId = to;
        return documents.Count;
    }

    private async Task StoreAsync(Document document, string fileName, Stream content, CancellationToken ct)
    {
        var stored = await files.SaveAsync(content, fileName, ct);
        document.FileName = fileName;
        document.StorageName = stored.StorageName;
        document.ContentType = stored.ContentType;
        document.Size = stored.Size;
        document.Sha256 = stored.Sha256;
        db.Set<Document>().Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (document.VersionNumber > 1)
        {
            // Two new versions at once: the unique (SeriesId, VersionNumber) index lets only one of them be next.
            files.Delete(stored.StorageName);
            throw new ConflictException("Another version of this document was uploaded at the same time. Reload and try again.");
        }
        catch
        {
            files.Delete(stored.StorageName);
            throw;
        }
    }

    private async Task<List<Document>> SeriesAsync(Guid id, Operation operation, bool tracked, CancellationToken ct)
    {
        var query = tracked ? Documents : Documents.AsNoTracking();
        var seriesId = await Documents.Where(d => d.Id == id || d.SeriesId == id).Select(d => (Guid?)d.SeriesId).FirstOrDefaultAsync(ct)
            ?? throw Missing(id);
        var versions = await query.Where(d => d.SeriesId == seriesId).ToListAsync(ct);
        try
        {
            await targets.DemandAsync(versions[0].RecordType, versions[0].RecordId, operation, ct);
        }
        catch (NotFoundException)
        {
            // The parent record is out of reach: the document is as invisible as the record.
            throw Missing(id);
        }
        return versions;
    }

    private static NotFoundException Missing(Guid id) => new($"No document with id {id} that you can see.");
}
