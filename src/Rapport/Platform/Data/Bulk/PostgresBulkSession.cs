using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Rapport.Platform.Data.Bulk;

/// <summary>PostgreSQL: binary COPY, one per call, inside the session's transaction.</summary>
internal sealed class PostgresBulkSession(RapportDb db, IDbContextTransaction transaction) : BulkSession(db, transaction)
{
    private protected override async Task WriteRowsAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var types = table.Columns.Select(c => TypeOf(c.StoreTypeBase)).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < types.Length; i++)
            {
                var value = table.Columns[i].ProviderValue(row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, types[i], ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static NpgsqlDbType TypeOf(string storeType) => storeType switch
    {
        "uuid" => NpgsqlDbType.Uuid,
        "text" => NpgsqlDbType.Text,
        "character varying" => NpgsqlDbType.Varchar,
        "integer" => NpgsqlDbType.Integer,
        "bigint" => NpgsqlDbType.Bigint,
        "boolean" => NpgsqlDbType.Boolean,
        "numeric" => NpgsqlDbType.Numeric,
        "double precision" => NpgsqlDbType.Double,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "text[]" => NpgsqlDbType.Array | NpgsqlDbType.Text,
        "jsonb" => NpgsqlDbType.Jsonb,
        _ => throw new NotSupportedException($"Bulk writes do not handle the column type '{storeType}' yet."),
    };
}
