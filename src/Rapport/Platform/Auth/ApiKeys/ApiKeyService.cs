using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Data;

namespace Rapport.Platform.Auth.ApiKeys;

public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, string Scope, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed record CreatedApiKey(Guid Id, string Key);

/// <summary>
/// Creates, lists and revokes API keys. The plain key exists only in the return value of <see cref="CreateAsync"/>.
/// A user manages their own keys; admins (and the CLI, acting as the system) may manage anyone's.
/// </summary>
public sealed class ApiKeyService(RapportDb db, CurrentActor actor, ApiKeyCache cache, TimeProvider clock)
{
    private const string KeyPrefix = "rpk_";

    public async Task<CreatedApiKey> CreateAsync(Guid userId, string name, string scope, CancellationToken ct)
    {
        DemandSelfOrAdmin(userId);
        name = name.Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > 100) errors["name"] = ["Give the key a name of 1 to 100 characters."];
        if (!ApiKeyScope.IsValid(scope)) errors["scope"] = ["Scope must be 'read' or 'read-write'."];
        if (errors.Count > 0) throw new RequestValidationException(errors);

        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var apiKey = new ApiKey
        {
            UserId = userId,
            Name = name,
            Prefix = key[..12],
            Hash = HashOf(key),
            Scope = scope,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(apiKey.Id, key);
    }

    public Task<List<ApiKeySummary>> ListAsync(Guid userId, CancellationToken ct)
    {
        DemandSelfOrAdmin(userId);
        return db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.Scope, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);
    }

    public async Task<bool> RevokeAsync(Guid userId, Guid keyId, CancellationToken ct)
    {
        DemandSelfOrAdmin(userId);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, ct);
        if (key is null) return false;
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        // This node stops accepting the key now; others within ApiKeyCache.Lifetime.
        cache.Forget(key.Hash);
        return true;
    }

    private void DemandSelfOrAdmin(Guid userId)
    {
        if (actor.UserId != userId && !Permissions.CanManageUsers(actor.Principal))
            throw new ForbiddenException("You can only manage your own API keys.");
    }

    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
