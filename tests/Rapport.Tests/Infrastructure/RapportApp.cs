using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.Data;

namespace Rapport.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP (in-process test server) on a real database of its own, created and migrated
/// the way production does it. One per test class; tests create their own records and look only at those.
/// </summary>
public abstract class RapportApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "rapport-tests", Guid.NewGuid().ToString("N"));

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Whether this app starts like a fresh install with the demo workspace (off for most tests).</summary>
    public bool SeedDemo { get; init; }

    /// <summary>With a server of its own, this app has email on and sends through it (<see cref="SqliteMailApp"/>).</summary>
    public SmtpTestServer? Smtp { get; init; }

    /// <summary>A second app process on the same database, as after a restart.</summary>
    public abstract RapportApp Restart();

    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Rapport:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Rapport", ConnectionString);
        builder.UseSetting("Rapport:DataDirectory", dataDirectory);
        builder.UseSetting("Rapport:Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Rapport:Admin:Email", "admin@tests.local");
        builder.UseSetting("Rapport:Admin:Password", AdminPassword);
        if (Smtp is not null) MailSettings.Apply(builder, Smtp);
    }

    public const string AdminPassword = "correct horse battery staple";

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        if (Smtp is not null) await Smtp.StartAsync();
        _ = Server; // starts the host: migrations and first admin run now, not inside the first test
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the pool is removed with the temp folder later.
        }
    }

    /// <summary>A new user with the role, and an HTTP client authenticated with a new API key of theirs.</summary>
    public async Task<ApiUser> CreateUserAsync(string role, string scope = ApiKeyScope.ReadWrite)
    {
        await using var services = Services.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<CurrentActor>().Set(CurrentActor.System, "test");
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@tests.local";
        var user = await services.ServiceProvider.GetRequiredService<UserAdministration>()
            .EnsureUserAsync(email, $"{role} {email[..8]}", role, "a long enough test password", CancellationToken.None);
        var key = await services.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(user.Id, "tests", scope, CancellationToken.None);
        return new ApiUser(user.Id, email, key.Key, ClientWithKey(key.Key));
    }

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(CurrentActor.System, "test");
        return await action(scope.ServiceProvider);
    }
}

public sealed record ApiUser(Guid Id, string Email, string ApiKey, HttpClient Client);

public class SqliteApp : RapportApp
{
    private readonly string file;

    public SqliteApp() : this(null)
    {
    }

    protected SqliteApp(string? file) =>
        this.file = file ?? Path.Combine(Path.GetTempPath(), "rapport-tests", $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={file}";

    public override RapportApp Restart() => new SqliteApp(file) { SeedDemo = SeedDemo };
}

public class PostgresApp : RapportApp
{
    /// <summary>Set by scripts/test.sh to the private test cluster, e.g. Host=127.0.0.1;Port=5433;Username=postgres.</summary>
    public const string ServerVariable = "RAPPORT_TEST_POSTGRES";

    private readonly string database;

    public PostgresApp() : this(null)
    {
    }

    protected PostgresApp(string? database) => this.database = database ?? $"rapport_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override RapportApp Restart() => new PostgresApp(database) { SeedDemo = SeedDemo };

    protected override string ConnectionString =>
        $"{Environment.GetEnvironmentVariable(ServerVariable) ?? throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL.")};Database={database}";
}

/// <summary>A fresh install with the demo workspace, as `dotnet run` gives a new user.</summary>
public sealed class SeededSqliteApp : SqliteApp
{
    public SeededSqliteApp() => SeedDemo = true;
}

public sealed class SeededPostgresApp : PostgresApp
{
    public SeededPostgresApp() => SeedDemo = true;
}
