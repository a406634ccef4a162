using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Platform.Data.Bulk;

/// <summary>
/// Writes many rows in one transaction by the fastest path each database offers: prepared INSERTs on SQLite,
/// binary COPY on PostgreSQL. It writes rows exactly as given: stamping, history and validation are the caller's
/// job (see <see cref="Audit.AuditRecord"/>), which is why only import services use it. Database-side work still
/// happens: foreign keys, indexes, SQLite's full-text triggers and PostgreSQL's generated search vectors.
/// </summary>
public abstract class BulkSession : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;
    private readonly Dictionary<Type, BulkTable> tables = [];

    private protected BulkSession(RapportDb db, IDbContextTransaction transaction)
    {
        Db = db;
        this.transaction = transaction;
    }

    private protected RapportDb Db { get; }

    private protected System.Data.Common.DbTransaction Transaction => transaction.GetDbTransaction();

    public static async Task<BulkSession> BeginAsync(RapportDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        return db.Provider == DatabaseProvider.Sqlite
            ? new SqliteBulkSession(db, transaction)
            : new PostgresBulkSession(db, transaction);
    }

    /// <summary>Appends the rows to their entity's table (all rows of one call share a type).</summary>
    public Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return Task.CompletedTask;
        if (!tables.TryGetValue(typeof(T), out var table))
            tables[typeof(T)] = table = BulkTable.Of(Db, typeof(T));
        return WriteRowsAsync(table, rows, ct);
    }

    private protected abstract Task WriteRowsAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct) where T : class;

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

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
