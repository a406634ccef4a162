using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Search;

/// <summary>
/// Creates the FTS5 tables and the triggers that keep them in step with their source tables.
/// FTS5 virtual tables cannot be expressed in the EF model, so this runs after migrations, idempotently.
/// Rows are keyed by the source row's rowid (fast delete) and carry the record id for joining.
/// </summary>
public static class SqliteFtsSetup
{
    public static async Task EnsureAsync(RapportDb db, CancellationToken ct)
    {
        foreach (var index in SearchIndexes.All)
        {
            var fts = index.FtsTable;
            var cols = string.Join(", ", index.Columns.Select(c => $"\"{c}\""));
            var newCols = string.Join(", ", index.Columns.Select(c => $"new.\"{c}\""));
            var exists = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = {0}", fts + "_ai")
                .SingleAsync(ct);
#pragma warning disable EF1002 // identifiers come from SearchIndexes, not from input
            await db.Database.ExecuteSqlRawAsync($"""
                CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5(id UNINDEXED, {cols}, tokenize = 'unicode61 remove_diacritics 2');
                CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{index.Table}" BEGIN
                  INSERT INTO "{fts}"(rowid, id, {cols}) VALUES (new.rowid, new."Id", {newCols});
                END;
                CREATE TRIGGER IF NOT EXISTS "{fts}_ad" AFTER DELETE ON "{index.Table}" BEGIN
                  DELETE FROM "{fts}" WHERE rowid = old.rowid;
                END;
                CREATE TRIGGER IF NOT EXISTS "{fts}_au" AFTER UPDATE ON "{index.Table}" BEGIN
                  DELETE FROM "{fts}" WHERE rowid = old.rowid;
                  INSERT INTO "{fts}"(rowid, id, {cols}) VALUES (new.rowid, new."Id", {newCols});
                END;
                """, ct);
            if (exists == 0)
            {
                // New index, or a migration rebuilt the source table (which drops its triggers and may
                // renumber rowids): index every row afresh.
                await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{fts}\"", ct);
                await db.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO \"{fts}\"(rowid, id, {cols}) SELECT rowid, \"Id\", {cols} FROM \"{index.Table}\"", ct);
            }
#pragma warning restore EF1002
        }
    }
}
