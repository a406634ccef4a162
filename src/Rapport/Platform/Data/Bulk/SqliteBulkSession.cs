using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Platform.Data.Bulk;

/// <summary>SQLite: one prepared INSERT per table, re-bound for every row, all inside one transaction.</summary>
internal sealed class SqliteBulkSession(RapportDb db, IDbContextTransaction transaction) : BulkSession(db, transaction)
{
    private readonly Dictionary<BulkTable, (DbCommand Command, DbParameter[] Parameters)> commands = [];

    private protected override Task WriteRowsAsync<T>(BulkTable table, IReadOnlyList<T> rows, CancellationToken ct)
    {
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

    public override async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in commands.Values) await command.DisposeAsync();
        await base.DisposeAsync();
    }
}
