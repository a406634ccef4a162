using Rapport.Platform.CustomFields;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.Hosting;

namespace Rapport.Bench.Data;

/// <summary>
/// The product's services over one bench database, without serving HTTP: migrations, users, API keys, the
/// contact importer and cursor signing run here exactly as inside the server (Data Protection keys are in the
/// database, so cursors made here are accepted by the server process started later).
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    public const string BenchUserEmail = "bench@bench.local";

    private readonly WebApplication app;

    private ProductHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    public static ProductHost Create(BenchDatabase database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(Settings(database));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A new database has no migrations table yet: EF logs that probe as a failure. Keys stay unencrypted on a throwaway database.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddRapportPlatform(builder.Configuration);
        builder.Services.AddRapportModules();
        return new ProductHost(builder.Build());
    }

    /// <summary>The configuration both this host and the server process use for the database.</summary>
    public static Dictionary<string, string?> Settings(BenchDatabase database) => new()
    {
        ["Rapport:Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:Rapport"] = database.ConnectionString,
        ["Rapport:DataDirectory"] = database.Directory,
        ["Rapport:Demo:Seed"] = "false",
        ["Rapport:Admin:Email"] = "admin@bench.local",
        ["Rapport:Admin:Password"] = "bench admin password",
    };

    /// <summary>A scope acting as the system (seed/import), like the CLI does.</summary>
    public async Task<T> InScopeAsync<T>(string via, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(CurrentActor.System, via);
        return await action(scope.ServiceProvider);
    }

    /// <summary>Migrates, creates the first admin, the sales reps who own the data and the bench user; returns owners and an API key.</summary>
    public Task<(IReadOnlyList<Guid> Owners, string ApiKey)> PrepareAsync(CancellationToken ct) => InScopeAsync("cli", async sp =>
    {
        var initializer = sp.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(ct);
        await initializer.EnsureFirstAdminAsync(ct);
        var users = sp.GetRequiredService<UserAdministration>();
        var owners = new List<Guid>();
        for (var i = 1; i <= 8; i++)
            owners.Add((await users.EnsureUserAsync($"rep{i}@bench.local", $"Sales Rep {i}", Roles.Sales, null, ct)).Id);
        var fields = sp.GetRequiredService<CustomFieldService>();
        if ((await fields.ListAsync("contact", ct)).All(f => f.Name != CrmDataGenerator.TierField))
        {
            await fields.CreateAsync(new CustomFieldInput
            {
                ObjectType = "contact", Name = CrmDataGenerator.TierField, Label = "Tier", Type = CustomFieldType.Select,
                Options = [.. CrmDataGenerator.Tiers],
            }, ct);
            await fields.CreateAsync(new CustomFieldInput
            {
                ObjectType = "contact", Name = CrmDataGenerator.SeatsField, Label = "Seats", Type = CustomFieldType.Number,
            }, ct);
        }
        var bench = await users.EnsureUserAsync(BenchUserEmail, "Bench Manager", Roles.Manager, null, ct);
        var key = await sp.GetRequiredService<ApiKeyService>().CreateAsync(bench.Id, "bench", ApiKeyScope.ReadWrite, ct);
        return ((IReadOnlyList<Guid>)owners, key.Key);
    });

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
