using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Rapport.Platform.Auth;

namespace Rapport.Platform.Ui;

/// <summary>
/// A Blazor circuit has its own DI scope, which the HTTP middleware never sees: this sets the circuit's
/// <see cref="CurrentActor"/> from its authentication state when it opens and whenever that state changes
/// (sign-out, or a session that failed revalidation), so services check and audit the right user.
/// </summary>
public sealed class CircuitActor(AuthenticationStateProvider authentication, CurrentActor actor) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        actor.Set((await authentication.GetAuthenticationStateAsync()).User, "ui");
    }

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            actor.Set((await state).User, "ui");
        }
        catch (Exception)
        {
            // No state means no one: act as anonymous rather than as the last known user.
            actor.Set(new(new System.Security.Claims.ClaimsIdentity()), "ui");
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
