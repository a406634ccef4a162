using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Rapport.Platform.Data;

/// <summary>
/// Prepares on PostgreSQL the statements a query marks with <c>TagWith(PreparedReads.Tag)</c>: the primary-key reads
/// the API serves most. PostgreSQL otherwise parses and plans every statement EF Core sends, and for get-contact-by-id
/// the plan cost several times the lookup (bench/notes.md items 24 and 25). Npgsql keeps a prepared statement on its
/// pooled physical connection, so preparing the same SQL again costs no round trip.
/// Only tagged reads are prepared: a prepared statement soon runs PostgreSQL's generic plan, which cannot see the
/// values searched for, and searches and filters lost to that when every statement was prepared (item 24). A read
/// by primary key has one plan whatever the id. SQLite ignores the tag.
/// </summary>
internal sealed class PreparedReads : DbCommandInterceptor
{
    public const string Tag = "prepared";

    public static readonly PreparedReads Instance = new();

    // EF Core writes a tag as an SQL comment line at the head of the statement.
    private const string Marker = "-- " + Tag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsMarked(command)) command.Prepare();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        if (IsMarked(command)) await command.PrepareAsync(cancellationToken);
        return result;
    }

    private static bool IsMarked(DbCommand command) =>
        command is NpgsqlCommand && command.CommandText.StartsWith(Marker, StringComparison.Ordinal);
}
