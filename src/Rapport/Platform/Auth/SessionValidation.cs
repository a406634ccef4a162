using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Rapport.Platform.Auth;

/// <summary>
/// Whether a signed-in principal still stands: the user exists, is active, and their security stamp is the one
/// the session was issued with. Role changes, password resets and deactivation change the stamp
/// (<see cref="Users.UserAdministration"/>), so each of them ends existing sessions.
/// </summary>
public sealed class SessionValidator(UserManager<RapportUser> users, IOptions<IdentityOptions> options)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}

/// <summary>
/// HTTP requests re-check the cookie every minute (SecurityStampValidator), but a Blazor circuit keeps the
/// principal it started with for as long as the tab stays open. This provider re-checks it on the same
/// interval; when it no longer stands the circuit becomes anonymous, the router sends the user to sign in,
/// and <see cref="Ui.CircuitActor"/> drops the actor that services check.
/// </summary>
public sealed class RevalidatingSessionStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A fresh scope: the circuit's own DbContext would answer from entities it tracked long ago.
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionValidator>().IsCurrentAsync(authenticationState.User);
    }
}
