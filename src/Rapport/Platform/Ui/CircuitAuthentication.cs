using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Platform.Auth;

namespace Rapport.Platform.Ui;

/// <summary>
/// A Blazor circuit keeps the user it connected with for as long as the tab stays open, past the cookie's
/// own checks. Every minute this asks the database again, so a deactivated user, a changed role or a reset
/// password (each renews the security stamp) ends the session on open pages too, as it does for requests.
/// </summary>
internal sealed class CircuitAuthentication(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState.User);

    /// <summary>Whether the user a circuit holds is still active with the same stamp (role, password) as when it connected.</summary>
    internal async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RapportUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
