using Rapport.Platform.Auth;

namespace Rapport.Platform.Ui;

/// <summary>
/// A circuit lives as long as its tab, and so would a DbContext injected into its pages, answering from
/// entities it tracked long ago. Pages run each operation in a fresh scope, as an HTTP request would, acting
/// as the circuit's current user (kept up to date by <see cref="CircuitActor"/>).
/// </summary>
public sealed class ActorScopes(IServiceScopeFactory scopes, CurrentActor actor)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor.Principal, actor.Via);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task RunAsync<TService>(Func<TService, Task> work) where TService : notnull =>
        RunAsync<TService, bool>(async service =>
        {
            await work(service);
            return true;
        });
}
