using Rapport.Activities;

namespace Rapport.Platform.Documents;

/// <summary>A document: its latest version's details, and every version newest first.</summary>
public sealed record DocumentResponse(
    Guid Id,
    LinkedRecordType RecordType,
    Guid RecordId,
    string FileName,
    string ContentType,
    long Size,
    int LatestVersion,
    DateTime UpdatedAt,
    IReadOnlyList<DocumentVersionResponse> Versions)
{
    public static DocumentResponse From(IReadOnlyList<Document> versions)
    {
        var ordered = versions.OrderByDescending(v => v.VersionNumber).ToList();
        var latest = ordered[0];
        return new DocumentResponse(latest.SeriesId, latest.RecordType, latest.RecordId, latest.FileName, latest.ContentType,
            latest.Size, latest.VersionNumber, latest.CreatedAt, ordered.Select(DocumentVersionResponse.From).ToList());
    }
}

/// <summary>One stored version; <see cref="Id"/> downloads exactly this version.</summary>
public sealed record DocumentVersionResponse(
    Guid Id,
    int Version,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTime UploadedAt,
    Guid? UploadedById,
    string ContentUrl)
{
    public static DocumentVersionResponse From(Document d) =>
        new(d.Id, d.VersionNumber, d.FileName, d.ContentType, d.Size, d.Sha256, d.CreatedAt, d.CreatedById,
            $"/api/v1/documents/{d.Id}/content");
}

public sealed record DocumentList(IReadOnlyList<DocumentResponse> Data);
