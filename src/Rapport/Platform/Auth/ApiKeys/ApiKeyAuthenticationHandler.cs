using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Platform.Api;
using Rapport.Platform.Data;

namespace Rapport.Platform.Auth.ApiKeys;

/// <summary>Authenticates <c>Authorization: Bearer rpk_...</c> as the key's user, narrowed to the key's scope.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    RapportDb db, ApiKeyCache cache, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed API key.");

        var hash = ApiKeyService.HashOf(token);
        var key = cache.Find(hash) ?? await LoadAsync(hash);
        var now = clock.GetUtcNow();
        if (key is null || key.LockoutEnd > now) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.UserId.ToString()),
            new(ClaimTypes.Name, key.UserName),
            new(RapportClaims.DisplayName, key.DisplayName),
            new(RapportClaims.ApiScope, key.Scope),
        };
        claims.AddRange(key.Roles.Select(r => new Claim(ClaimTypes.Role, r)));

        // Recording use once a minute is enough for "last used" and keeps reads free of writes.
        if (key.UseRecordedAt is null || key.UseRecordedAt < now.UtcDateTime.AddMinutes(-1))
        {
            key.UseRecordedAt = now.UtcDateTime;
            await db.ApiKeys.Where(k => k.Id == key.KeyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now.UtcDateTime), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<AuthenticatedKey?> LoadAsync(string hash)
    {
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { Key = k, User = u })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.User.IsActive) return null;
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == found.User.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        var key = new AuthenticatedKey(found.Key.Id, found.User.Id, found.User.Email ?? found.User.UserName ?? "",
            found.User.DisplayName, found.Key.Scope, roles, found.User.LockoutEnd)
        {
            UseRecordedAt = found.Key.LastUsedAt,
        };
        cache.Remember(hash, key);
        return key;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "Send an API key as 'Authorization: Bearer <key>'. Keys are created under Settings → API keys.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden",
            "Your role or your API key's scope does not allow this.");
}
