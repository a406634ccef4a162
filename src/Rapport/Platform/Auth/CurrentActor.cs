using System.Security.Claims;

namespace Rapport.Platform.Auth;

/// <summary>
/// Who is acting in this scope: set once at the edge (HTTP middleware, a Blazor page, the CLI, the seeder)
/// and read by permission checks and the audit interceptor.
/// </summary>
public sealed class CurrentActor
{
    public static readonly ClaimsPrincipal System = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "system"), new Claim(ClaimTypes.Role, Roles.Admin)], "system"));

    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    /// <summary>ui, api, cli, seed, import: recorded with each change.</summary>
    public string Via { get; private set; } = "system";

    public void Set(ClaimsPrincipal principal, string via)
    {
        Principal = principal;
        Via = via;
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? UserId =>
        Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => Principal.FindFirstValue(RapportClaims.DisplayName)
        ?? Principal.Identity?.Name ?? "anonymous";

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
