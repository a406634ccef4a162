using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Data;

namespace Rapport.Bench.Data;

/// <summary>
/// The raw bulk-insert baseline: hand-written SQL with no ORM, no model, no validation and no history, into the
/// same schema (same indexes, FTS5 triggers, generated tsvector) in a database of its own. Prepared INSERTs in one
/// transaction on SQLite, binary COPY on PostgreSQL. The product import is judged against this.
/// </summary>
public static class RawBulkInsert
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] CompanyColumns =
        ["Id", "Name", "Domain", "Industry", "EmployeeCount", "AnnualRevenue", "AnnualRevenueCurrency", "Street", "City",
         "Region", "PostalCode", "Country", "Phone", "OwnerId", "Tags", "Version", "CreatedAt", "UpdatedAt"];

    private static readonly string[] ContactColumns =
        ["Id", "FirstName", "LastName", "Emails", "Phones", "PrimaryEmail", "PrimaryPhone", "JobTitle", "CompanyId",
         "Street", "City", "Region", "PostalCode", "Country", "LifecycleStage", "Source", "OwnerId", "Tags", "Notes",
         "CustomFields", "Version", "CreatedAt", "UpdatedAt"];

    public static async Task<TimeSpan> RunAsync(BenchDatabase database, IReadOnlyList<Company> companies, IReadOnlyList<Contact> contacts,
        IReadOnlyDictionary<Guid, Guid> owners, CancellationToken ct)
    {
        // Users differ between databases: the raw database's sales reps stand in for the product's.
        Guid? Owner(Guid? id) => id is { } o ? owners[o] : null;
        var started = Stopwatch.GetTimestamp();
        if (database.Provider == DatabaseProvider.Sqlite) Sqlite(database.ConnectionString, companies, contacts, Owner);
        else await PostgresAsync(database.ConnectionString, companies, contacts, Owner, ct);
        return Stopwatch.GetElapsedTime(started);
    }

    private static object?[] CompanyRow(Company c, Guid? owner, DateTime now) =>
        [c.Id, c.Name, c.Domain, c.Industry, c.EmployeeCount, c.AnnualRevenue, c.AnnualRevenueCurrency, c.Street, c.City,
         c.Region, c.PostalCode, c.Country, c.Phone, owner, c.Tags, 1, now, now];

    private static object?[] ContactRow(Contact c, Guid? owner, DateTime now) =>
        [c.Id, c.FirstName, c.LastName, JsonSerializer.Serialize(c.Emails, Json), JsonSerializer.Serialize(c.Phones, Json),
         c.PrimaryEmail, c.PrimaryPhone, c.JobTitle, c.CompanyId, c.Street, c.City, c.Region, c.PostalCode, c.Country,
         c.LifecycleStage.ToString(), c.Source, owner, c.Tags, c.Notes, c.CustomFields is { } json ? new JsonDocumentText(json) : null,
         1, now, now];

    /// <summary>A JSON document: text on SQLite, jsonb on PostgreSQL.</summary>
    private sealed record JsonDocumentText(string Json);

    private static void Sqlite(string connectionString, IReadOnlyList<Company> companies, IReadOnlyList<Contact> contacts, Func<Guid?, Guid?> owner)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // The same page cache the product's bulk session uses, so the comparison is about the work, not tuning.
            pragma.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -{256 * 1024};";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Insert(connection, transaction, "Companies", CompanyColumns, companies.Select(c => CompanyRow(c, owner(c.OwnerId), now)));
        Insert(connection, transaction, "Contacts", ContactColumns, contacts.Select(c => ContactRow(c, owner(c.OwnerId), now)));
        transaction.Commit();
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // table and column names are constants above
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
#pragma warning restore CA2100
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                    decimal m => (double)m,
                    List<string> list => JsonSerializer.Serialize(list, Json),
                    JsonDocumentText j => j.Json,
                    var v => v,
                };
            }
            command.ExecuteNonQuery();
        }
    }

    private static async Task PostgresAsync(string connectionString, IReadOnlyList<Company> companies, IReadOnlyList<Contact> contacts, Func<Guid?, Guid?> owner, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await CopyAsync(connection, "Companies", CompanyColumns, companies.Select(c => CompanyRow(c, owner(c.OwnerId), now)), ct);
        await CopyAsync(connection, "Contacts", ContactColumns, contacts.Select(c => ContactRow(c, owner(c.OwnerId), now)), ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: await writer.WriteNullAsync(ct); break;
                    case Guid g: await writer.WriteAsync(g, NpgsqlDbType.Uuid, ct); break;
                    case string s: await writer.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    case int n: await writer.WriteAsync(n, NpgsqlDbType.Integer, ct); break;
                    case decimal m: await writer.WriteAsync(m, NpgsqlDbType.Numeric, ct); break;
                    case DateTime d: await writer.WriteAsync(d, NpgsqlDbType.TimestampTz, ct); break;
                    case List<string> list: await writer.WriteAsync(list, NpgsqlDbType.Array | NpgsqlDbType.Text, ct); break;
                    case JsonDocumentText j: await writer.WriteAsync(j.Json, NpgsqlDbType.Jsonb, ct); break;
                    default: throw new NotSupportedException(value.GetType().Name);
                }
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>Opens a plain ADO.NET connection to the database, for the raw lookup baseline.</summary>
    public static DbConnection Open(BenchDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString)
        : new NpgsqlConnection(database.ConnectionString);
}
