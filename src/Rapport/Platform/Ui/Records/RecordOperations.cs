using System.Diagnostics;
using Rapport.Platform.Auth;

namespace Rapport.Platform.Ui.Records;

/// <summary>
/// Runs one record-page operation in its own DI scope, acting as the circuit's user (kept current by
/// <see cref="CircuitActor"/>), like <see cref="ActorScopes"/> does for other pages, and reports the services'
/// failures as a <see cref="UiProblem"/> the page can show by field. A circuit lives as long as its tab, so a
/// DbContext taken from it would grow stale and be shared by concurrent events; a scope per operation gives each
/// load or save a fresh context, and the same services, permission checks and row scoping as an API request.
/// </summary>
public sealed class RecordOperations(IServiceScopeFactory scopes, CurrentActor circuitActor, ILogger<RecordOperations> logger)
{
    public async Task<UiResult<T>> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(circuitActor.Principal, circuitActor.Via);
        try
        {
            return new UiResult<T>(await work(scope.ServiceProvider), null);
        }
        catch (Exception exception) when (UiProblem.From(exception) is { } problem)
        {
            return new UiResult<T>(default, problem);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug, not bad input: log it with an id the user can quote, and keep the circuit alive.
            var traceId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            logger.LogError(exception, "UI operation failed ({TraceId})", traceId);
            return new UiResult<T>(default, UiProblem.Unexpected(traceId));
        }
    }

    /// <summary>Runs <paramref name="work"/> with the scoped service it needs.</summary>
    public Task<UiResult<T>> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull =>
        RunAsync(services => work(services.GetRequiredService<TService>()));

    public Task<UiResult<bool>> RunAsync<TService>(Func<TService, Task> work) where TService : notnull =>
        RunAsync<TService, bool>(async service =>
        {
            await work(service);
            return true;
        });
}
