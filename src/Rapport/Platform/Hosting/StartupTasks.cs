using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Rapport.Platform.Hosting;

/// <summary>
/// Migrates and seeds before the server accepts requests (StartingAsync runs before any StartAsync,
/// the web server's included), then prints where the CRM is and, on first start, how to sign in.
/// </summary>
public sealed class StartupTasks(IServiceScopeFactory scopes, IServer server, ILogger<StartupTasks> logger) : IHostedLifecycleService
{
    private (string Email, string Password)? firstAdmin;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(cancellationToken);
        firstAdmin = await initializer.EnsureFirstAdminAsync(cancellationToken);
        // Only a brand-new workspace gets the demo: starting once with --no-demo and later without it
        // must not pour sample data into a real, still empty, CRM.
        if (firstAdmin is not null && await initializer.SeedDemoAsync(cancellationToken))
            logger.LogInformation("Demo workspace created");
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses) Console.WriteLine($"Rapport is running at {address}");
        if (firstAdmin is { } admin)
        {
            // Printed once: the password is not stored anywhere in clear.
            Console.WriteLine($"First admin created. Sign in as {admin.Email} with password: {admin.Password}");
            Console.WriteLine("Change it under Admin → Users, or reset it with: rapport create-admin --email E --password P");
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
