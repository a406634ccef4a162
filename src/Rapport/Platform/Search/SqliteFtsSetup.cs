using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Search;

/// <summary>
/// Creates the FTS5 tables and the triggers that keep them in step with their source tables.
/// FTS5 virtual tables cannot be expressed in the EF model, so this runs after migrations, idempotently.
/// Rows are keyed by the source row's rowid (fast delete) and carry the record id for joining.
/// The insert trigger stands aside while a bulk load has a row in <see cref="DeferralTable"/> for its table: the load
/// then indexes its rows itself, once per transaction (<see cref="Data.Bulk.SqliteBulkSession"/>). Through the trigger,
/// each inserted row was a statement of its own, and FTS5 writes its pending terms to disk at every statement's
/// savepoint: a segment per row, merged again and again (bench/notes.md item 26).
/// Each table keeps prefix indexes for words' first one to four letters (<see cref="PrefixLengths"/>): without them
/// FTS5 answers "con*" by merging the postings of every word that starts so, all of them before the first row comes
/// back, and over 5 million activities that took 150–370 ms for "Con", "Qui" or "O'R" (item 31).
/// </summary>
public static class SqliteFtsSetup
{
    /// <summary>Tables whose insert trigger is paused. Only ever written inside a bulk load's own transaction.</summary>
    public const string DeferralTable = "SearchIndexDeferrals";

    /// <summary>
    /// Prefix lengths FTS5 indexes besides whole words: what a search box holds while a name is typed. Longer prefixes
    /// are shared by few words, so merging theirs is cheap. The index grows about fourfold (56 → 234 MB for a million
    /// activities), building it takes about a third longer.
    /// </summary>
    public const string PrefixLengths = "1 2 3 4";

    private static string Options => $"tokenize = 'unicode61 remove_diacritics 2', prefix = '{PrefixLengths}'";

    /// <summary>
    /// Bytes of new index terms FTS5 holds in memory before it writes them out as a segment (its default is 1 MiB).
    /// A bulk load's transaction indexes 50,000 rows, five entries per word with the prefix indexes, so at 1 MiB it
    /// wrote dozens of small segments each time, merged them level by level, and deleted each merged segment again,
    /// reading every one of its pages back: half of a 2M-activity load's time (bench/notes.md item 33). At this size
    /// a transaction leaves one segment. Only a transaction that writes that much holds that much; a form's save
    /// holds a few hundred bytes.
    /// </summary>
    public const int PendingTermBytes = 64 * 1024 * 1024;

    /// <summary>Indexes the table's rows after the given rowid (0: every row), as the insert trigger would one by one.</summary>
    public static string IndexRowsSql(SearchIndex index, long afterRowid)
    {
        var cols = string.Join(", ", index.Columns.Select(c => $"\"{c}\""));
        return $"INSERT INTO \"{index.FtsTable}\"(rowid, id, {cols}) SELECT rowid, \"Id\", {cols} FROM \"{index.Table}\" " +
            $"WHERE rowid > {afterRowid.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public static async Task EnsureAsync(RapportDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE IF NOT EXISTS \"{DeferralTable}\" (\"Table\" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID", ct);
        foreach (var index in SearchIndexes.All)
        {
            var fts = index.FtsTable;
            var cols = string.Join(", ", index.Columns.Select(c => $"\"{c}\""));
            var newCols = string.Join(", ", index.Columns.Select(c => $"new.\"{c}\""));
            // One transaction per index: a start-up stopped halfway through a rebuild leaves the old index, not an
            // empty one that the next start-up would take as complete.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var insertTrigger = await SchemaSqlAsync(db, "trigger", fts + "_ai", ct);
            var table = await SchemaSqlAsync(db, "table", fts, ct);
#pragma warning disable EF1002 // identifiers come from SearchIndexes, not from input
            if (insertTrigger is not null && !insertTrigger.Contains(DeferralTable, StringComparison.Ordinal))
                await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{fts}_ai\"", ct); // from before deferrals
            // From before the prefix indexes: FTS5 cannot add them to a table, so it is built again (once, at start-up).
            var rebuild = insertTrigger is null || table is null || !table.Contains(Options, StringComparison.Ordinal);
            if (table is not null && rebuild) await db.Database.ExecuteSqlRawAsync($"DROP TABLE \"{fts}\"", ct);
            await db.Database.ExecuteSqlRawAsync($"""
                CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5(id UNINDEXED, {cols}, {Options});
                CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{index.Table}"
                WHEN NOT EXISTS (SELECT 1 FROM "{DeferralTable}" WHERE "Table" = '{index.Table}') BEGIN
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
            // A setting of the table, kept in its %_config table; set on every start so existing tables get it too.
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"{fts}\"(\"{fts}\", rank) VALUES ('hashsize', {PendingTermBytes})", ct);
            if (rebuild)
            {
                // New index, new index options, or a migration rebuilt the source table (which drops its triggers
                // and may renumber rowids): the table was created afresh above, so every row is indexed into it.
                await db.Database.ExecuteSqlRawAsync(IndexRowsSql(index, afterRowid: 0), ct);
            }
#pragma warning restore EF1002
            await transaction.CommitAsync(ct);
        }
    }

    private static Task<string?> SchemaSqlAsync(RapportDb db, string type, string name, CancellationToken ct) =>
        db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = {0} AND name = {1}", type, name)
            .SingleOrDefaultAsync(ct);
}
