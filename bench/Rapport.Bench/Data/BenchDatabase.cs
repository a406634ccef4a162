using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Platform.Data;

namespace Rapport.Bench.Data;

/// <summary>One database the run creates and throws away: a SQLite file, or a database on the given PostgreSQL server.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? postgresServer;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string directory, string? postgresServer, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        this.postgresServer = postgresServer;
        Name = name;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Where the app's data directory (and the SQLite file) live for this database.</summary>
    public string Directory { get; }

    public string Name { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string name, string? postgresServer, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rapport-bench", $"{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(directory, "rapport.db");
            return new BenchDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), directory, null, name);
        }
        var server = postgresServer ?? throw new InvalidOperationException("No PostgreSQL server given.");
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", ct);
            await Execute(connection, $"CREATE DATABASE \"{name}\"", ct);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ToString();
        return new BenchDatabase(provider, connectionString, directory, server, name);
    }

    /// <summary>Leave the database and its folder in place after the run (for looking at query plans).</summary>
    public bool Keep { get; set; }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Keep) return;
        NpgsqlConnection.ClearAllPools();
        if (postgresServer is not null)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresServer) { Database = "postgres", Pooling = false }.ToString());
            await connection.OpenAsync();
            await Execute(connection, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
#pragma warning disable CA2100 // the database name is made by the run, not read from input
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}
