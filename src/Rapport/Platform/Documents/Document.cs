using Rapport.Activities;
using Rapport.Platform.Data;

namespace Rapport.Platform.Documents;

/// <summary>
/// One uploaded version of a file attached to a record. The versions of one document share a
/// <see cref="SeriesId"/> (the first version's id); uploading "as new version" adds a row and keeps the older ones.
/// Who uploaded it and when are the <see cref="Entity"/> created-by/at stamps.
/// </summary>
public sealed class Document : Entity
{
    /// <summary>The record the file is attached to; the same record types activities link to.</summary>
    public LinkedRecordType RecordType { get; set; }
    public Guid RecordId { get; set; }

    /// <summary>The first version's id, shared by every version of this document.</summary>
    public Guid SeriesId { get; set; }
    public int VersionNumber { get; set; } = 1;

    /// <summary>The name the uploader gave, stored as sent; it is never used as a path.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Derived from the extension after the content was checked against it, not taken from the client.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The generated file name under data/files/.</summary>
    public string StorageName { get; set; } = "";
}
