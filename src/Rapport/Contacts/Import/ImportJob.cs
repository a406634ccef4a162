namespace Rapport.Contacts.Import;

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>What an import brings in; each has its own fields, row rules and duplicate match (<see cref="ImportKind"/>).</summary>
public enum ImportRecordType
{
    Contacts,
    Companies,
}

/// <summary>
/// What happens to a row that matches an existing record (contacts: the same email; companies: the same domain or
/// name) or an earlier row of the file.
/// </summary>
public enum DuplicateStrategy
{
    /// <summary>The row is left out.</summary>
    Skip,

    /// <summary>The existing record gets the row's non-empty values.</summary>
    Update,

    /// <summary>Every row becomes a new record, duplicates or not.</summary>
    Create,
}

/// <summary>
/// A CSV import of contacts or companies, run in the background. Its state lives in the database so any node can show the
/// progress; the uploaded file lives under data/imports/ on the node that received it, which runs the job.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>
    /// Set when a node claims the job and after every batch. A running job whose heartbeat is older than
    /// <see cref="ImportLeases.Timeout"/> belonged to a node that died; <see cref="ImportLeases"/> marks it failed.
    /// </summary>
    public DateTime? HeartbeatAt { get; set; }
    public string FileName { get; set; } = "";
    public ImportRecordType RecordType { get; set; }
    public ImportStatus Status { get; set; }
    public DuplicateStrategy Strategy { get; set; }

    /// <summary>Column header → field of the record type, as JSON; the columns not named are not imported.</summary>
    public string Mapping { get; set; } = "{}";

    /// <summary>The encoding the file was read with: utf-8, or latin-1 when it is not valid UTF-8.</summary>
    public string? Encoding { get; set; }

    public int Total { get; set; }
    public int Processed { get; set; }
    public int CreatedCount { get; set; }
    public int UpdatedCount { get; set; }
    public int SkippedCount { get; set; }
    public int ErrorCount { get; set; }
    public string? Failure { get; set; }
}

/// <summary>One problem with one row of an import, for the downloadable error report.</summary>
public sealed class ImportError
{
    public long Id { get; set; }
    public Guid ImportJobId { get; set; }
    public int Row { get; set; }
    public string? Column { get; set; }
    public string Message { get; set; } = "";
}
