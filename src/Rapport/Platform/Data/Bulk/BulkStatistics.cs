using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Search;

namespace Rapport.Platform.Data.Bulk;

/// <summary>
/// After a bulk load: fresh planner statistics keep list queries on the right index (without them SQLite sorts a
/// whole lifecycle stage instead of walking the name index). On PostgreSQL the tables are also vacuumed, which
/// merges the rows COPY left in each full-text GIN index's pending list: until autovacuum gets there, every search
/// scans that list, and a one-word search over 500,000 fresh activities took 17 ms in the index alone instead of
/// under 1 ms (bench/notes.md item 17).
/// </summary>
public static class BulkStatistics
{
    public static async Task RefreshAsync(RapportDb db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
            return;
        }
        // One statement per command: VACUUM refuses to run inside the implicit transaction of a batch. Tables
        // without a full-text index only need statistics (vacuuming the history table would double the time).
        foreach (var table in tables)
        {
            var command = SearchIndexes.All.Any(i => i.Table == table) ? "VACUUM (ANALYZE)" : "ANALYZE";
#pragma warning disable EF1002 // table names come from the callers' constants, never from a request
            await db.Database.ExecuteSqlRawAsync($"{command} \"{table}\";", ct);
#pragma warning restore EF1002
        }
    }
}
