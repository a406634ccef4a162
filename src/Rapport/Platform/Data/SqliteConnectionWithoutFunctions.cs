using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;

namespace Rapport.Platform.Data;

/// <summary>
/// EF Core's SQLite connection without the seven functions (regexp, ef_add, ef_compare, …) it registers on every
/// open. Registering them replaced the previous request's registrations on the pooled native connection each time,
/// and the replaced delegates were finalised under a lock (bench/notes.md items 14 and 20). Rapport's model needs
/// none of them: decimals are stored as REAL on SQLite (SqliteRapportDb.ConfigureConventions), so EF never emits
/// ef_* for them, and no query uses Regex. A query that did would fail with "no such function", in the tests.
/// </summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is EF's internal API; this replaces one method of it.
internal sealed class SqliteConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
#pragma warning restore EF1001
