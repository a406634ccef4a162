using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Platform.Data.Bulk;

/// <summary>
/// Writes many rows by the fastest path each database offers: prepared INSERTs on SQLite, binary COPY on
/// PostgreSQL. It writes rows exactly as given: stamping, history and validation are the caller's job (see
/// <see cref="Audit.AuditRecord"/>), which is why only import services use it. Database-side work still happens:
/// foreign keys, indexes, SQLite's full-text triggers and PostgreSQL's generated search vectors.
/// Rows go in one transaction per <see cref="CommitEvery"/> rows, cut where the caller says the data is whole
/// (<see cref="EndOfChunkAsync"/>): in one transaction, a load of 500,000 activities grew SQLite's write-ahead log
/// to gigabytes, and every page read scans the log's index, so the load slowed as it went (bench/notes.md item 19).
/// </summary>
public abstract class BulkSession : IAsyncDisposable
{
    /// <summary>Rows per transaction: what a 256 MB SQLite page cache holds with the indexes they touch.</summary>
    public const int CommitEvery = 50_000;

    private IDbContextTransaction transaction;
    private readonly Dictionary<Type, BulkTable> tables = [];
    private int uncommitted;
    private int commitEvery = CommitEvery;

    private protected BulkSession(RapportDb db, IDbContextTransaction transaction)
    {
        Db = db;
        this.transaction = transaction;
    }

    private protected RapportDb Db { get; }

    private protected System.Data.Common.DbTransaction Transaction => transaction.GetDbTransaction();

    public static Task<BulkSession> BeginAsync(RapportDb db, CancellationToken ct) => BeginAsync(db, CommitEvery, ct);

    /// <summary>With a smaller <paramref name="commitEvery"/>, for tests of the chunked commits.</summary>
    internal static async Task<BulkSession> BeginAsync(RapportDb db, int commitEvery, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        BulkSession session = db.Provider == DatabaseProvider.Sqlite
            ? new SqliteBulkSession(db, transaction)
            : new PostgresBulkSession(db, transaction);
        session.commitEvery = commitEvery;
        return session;
    }

    /// <summary>Appends the rows to their entity's table (all rows of one call share a type).</summary>
    public Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return Task.CompletedTask;
        if (!tables.TryGetValue(typeof(T), out var table))
            tables[typeof(T)] = table = BulkTable.Of(Db, typeof(T));
        uncommitted += rows.Count;
        return WriteRowsAsync(table, rows, ct);
    }

    /// <summary>
    /// The rows written so far are whole (each record with its links and history): commit them if there are
    /// <see cref="CommitEvery"/> or more, and go on in a new transaction. A load that fails later keeps them.
    /// </summary>
    public async Task EndOfChunkAsync(CancellationToken ct)
    {
        if (uncommitted < commitEvery) return;
        await BeforeCommitAsync(ct);
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = await Db.Database.BeginTransactionAsync(ct);
        uncommitted = 0;
        OnNewTransaction();
    }

    /// <summary>Lets a session re-bind what it prepared to the new transaction.</summary>
    private protected virtual void OnNewTransaction()
    {
    }

    private protected abstract Task WriteRowsAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct) where T : class;

    public async Task CommitAsync(CancellationToken ct)
    {
        await BeforeCommitAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Work the session put off until its transaction's rows are all written.</summary>
    private protected virtual Task BeforeCommitAsync(CancellationToken ct) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await ResetConnectionAsync();
        await Db.Database.CloseConnectionAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Undoes session-only connection settings before the connection goes back to the pool.</summary>
    private protected virtual Task ResetConnectionAsync() => Task.CompletedTask;
}
