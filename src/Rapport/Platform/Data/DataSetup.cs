using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;
using Rapport.Platform.Audit;
using Rapport.Platform.Hosting;
using Rapport.Platform.Notifications;
using Rapport.Platform.Tags;

namespace Rapport.Platform.Data;

public static class DataSetup
{
    public const string ConnectionName = "Rapport";

    public static IServiceCollection AddRapportData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RapportOptions.Section).Get<RapportOptions>() ?? new RapportOptions();
        // Singletons reading the actor from the context (RapportDb.Actor), so the options below are built once:
        // options built per scope cost a fifth of a simple request's CPU (docs/benchmarks.md).
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<NotificationInterceptor>();
        services.AddSingleton<TagInterceptor>();
        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString(ConnectionName)
                ?? throw new InvalidOperationException(
                    "Rapport__Database__Provider=Postgres needs a connection string in ConnectionStrings__Rapport.");
            services.AddPooledDbContextFactory<PostgresRapportDb>((sp, o) => o
                .UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<TagInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<NotificationInterceptor>(),
                    PreparedReads.Instance));
            services.AddScoped<RapportDb>(sp => Rent<PostgresRapportDb>(sp));
        }
        else
        {
            var connectionString = SqliteConnectionString(configuration, options);
#pragma warning disable EF1001 // ISqliteRelationalConnection is the internal service SqliteConnectionWithoutFunctions replaces
            services.AddPooledDbContextFactory<SqliteRapportDb>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<TagInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<NotificationInterceptor>(),
                    SqlitePragmas.Instance, SqliteWriteQueue.Instance)
                .ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>());
#pragma warning restore EF1001
            services.AddScoped<RapportDb>(sp => Rent<SqliteRapportDb>(sp));
        }
        return services;
    }

    /// <summary>
    /// A pooled context for the scope, told who its actor is. Pooling keeps each context's internal services between
    /// requests: a fresh context spent about 100 µs of CPU setting them up on its first query (bench/notes.md item 20).
    /// The pool resets change tracking and connection state on return; the actor is set again on every rent.
    /// </summary>
    private static TContext Rent<TContext>(IServiceProvider services) where TContext : RapportDb
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.Actor = services.GetRequiredService<Auth.CurrentActor>();
        return db;
    }

    public static string SqliteConnectionString(IConfiguration configuration, RapportOptions options)
    {
        var configured = configuration.GetConnectionString(ConnectionName);
        var builder = new SqliteConnectionStringBuilder(configured ?? "")
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (string.IsNullOrEmpty(builder.DataSource))
            builder.DataSource = Path.Combine(options.ResolvedDataDirectory, "rapport.db");
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (directory is not null) Directory.CreateDirectory(directory);
        return builder.ToString();
    }
}

/// <summary>
/// Per-connection SQLite settings: full fsync on commit (a CRM must not lose a saved record on power loss)
/// and a busy timeout so concurrent writers queue instead of failing. WAL is set once at start-up; it persists.
/// Pooled connections keep their settings, so each native connection is configured once, not on every open
/// (the benchmark showed the extra statement on every query).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    /// <summary>How long a writer waits for SQLite's lock before the write fails (SqliteWriteQueue waits as long).</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            if (Configured.TryGetValue(handle, out _)) return;
            Configured.AddOrUpdate(handle, Instance);
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};";
        command.ExecuteNonQuery();
    }
}
