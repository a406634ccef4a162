using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.Platform.Search;

namespace Rapport.Platform.Data.Bulk;

/// <summary>
/// SQLite: one prepared INSERT per table, re-bound for every row, all inside one transaction. The page cache is
/// raised for the session: with the default 2 MB, inserts into the name, email and full-text indexes of a
/// million contacts spill dirty pages to the WAL over and over (1M contacts took 400 s).
/// Rows of a full-text searchable table are indexed once per transaction, just before it commits, by one
/// INSERT … SELECT, with the table's insert trigger paused meanwhile (<see cref="SqliteFtsSetup.DeferralTable"/>):
/// through the trigger FTS5 wrote a segment per row (bench/notes.md item 26). The pause is a row written in this
/// transaction: no other connection sees it, and a load that fails rolls it back with its rows.
/// </summary>
internal sealed class SqliteBulkSession : BulkSession
{
    /// <summary>In KiB, as PRAGMA cache_size takes negative values.</summary>
    public const int CacheKib = 256 * 1024;

    private readonly Dictionary<BulkTable, (DbCommand Command, DbParameter[] Parameters)> commands = [];
    private readonly long previousCacheSize;

    /// <summary>Searchable tables written in this transaction, with the last rowid they had before it.</summary>
    private readonly Dictionary<SearchIndex, long> deferredIndexes = [];

    public SqliteBulkSession(RapportDb db, IDbContextTransaction transaction) : base(db, transaction)
    {
        using var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = "PRAGMA cache_size";
        previousCacheSize = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA cache_size = -{CacheKib}";
        command.ExecuteNonQuery();
    }

    private protected override Task WriteRowsAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct)
    {
        DeferSearchIndex(table);
        var (command, parameters) = CommandFor(table);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
            // Microsoft.Data.Sqlite is synchronous underneath; the async call would only add overhead per row.
            command.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    private void DeferSearchIndex(BulkTable table)
    {
        var index = SearchIndexes.All.FirstOrDefault(i => i.Table == table.Name);
        if (index is null || deferredIndexes.ContainsKey(index)) return;
        using var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = $"INSERT INTO \"{SqliteFtsSetup.DeferralTable}\" VALUES ('{index.Table}')";
        command.ExecuteNonQuery();
        // No other connection writes while this transaction does: the rows after this rowid are the load's.
        command.CommandText = $"SELECT coalesce(max(rowid), 0) FROM \"{index.Table}\"";
        deferredIndexes[index] = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private protected override async Task BeforeCommitAsync(CancellationToken ct)
    {
        foreach (var (index, lastRowidBefore) in deferredIndexes)
        {
            await using var command = Db.Database.GetDbConnection().CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = $"{SqliteFtsSetup.IndexRowsSql(index, lastRowidBefore)}; " +
                $"DELETE FROM \"{SqliteFtsSetup.DeferralTable}\" WHERE \"Table\" = '{index.Table}';";
            await command.ExecuteNonQueryAsync(ct);
        }
        deferredIndexes.Clear();
    }

    private protected override void OnNewTransaction()
    {
        foreach (var (command, _) in commands.Values) command.Transaction = Transaction;
    }

    private (DbCommand, DbParameter[]) CommandFor(BulkTable table)
    {
        if (commands.TryGetValue(table, out var prepared)) return prepared;
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Transaction;
        var parameters = table.Columns
            .Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true))
            .ToArray();
        command.Parameters.AddRange(parameters);
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", parameters.Select(p => p.ParameterName));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({values})";
        command.Prepare();
        commands[table] = prepared = (command, parameters);
        return prepared;
    }

    private protected override async Task ResetConnectionAsync()
    {
        foreach (var (command, _) in commands.Values) await command.DisposeAsync();
        // The connection goes back to the pool: give it its usual cache again.
        await using var restore = Db.Database.GetDbConnection().CreateCommand();
        restore.CommandText = $"PRAGMA cache_size = {previousCacheSize}";
        await restore.ExecuteNonQueryAsync();
    }
}
