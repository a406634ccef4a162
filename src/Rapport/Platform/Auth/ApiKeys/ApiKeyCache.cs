using Microsoft.Extensions.Caching.Memory;

namespace Rapport.Platform.Auth.ApiKeys;

/// <summary>What an authenticated API key stands for: enough to build the caller's principal without a query.</summary>
public sealed record AuthenticatedKey(Guid KeyId, Guid UserId, string UserName, string DisplayName, string Scope,
    IReadOnlyList<string> Roles, DateTimeOffset? LockoutEnd)
{
    /// <summary>When this node last wrote the key's LastUsedAt (written at most once a minute).</summary>
    public DateTime? UseRecordedAt { get; set; }
}

/// <summary>
/// Remembers authenticated API keys for <see cref="Lifetime"/> so a request costs no key, user and role queries
/// (the benchmark's get-by-id spent two of its three queries on them; docs/benchmarks.md). Only successful
/// lookups are kept, by key hash, in a bounded cache of this node.
/// Revoking a key forgets it at once on the node that revoked it; other nodes stop accepting it within the
/// lifetime. Deactivating a user or changing roles empties this node's cache at once and reaches the other nodes
/// within the lifetime — tighter than the UI cookie, which re-checks its security stamp every minute. See docs/decisions/0007-api-key-cache.md.
/// </summary>
public sealed class ApiKeyCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public AuthenticatedKey? Find(string hash) => cache.Get<AuthenticatedKey>(hash);

    public void Remember(string hash, AuthenticatedKey key) =>
        cache.Set(hash, key, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });

    public void Forget(string hash) => cache.Remove(hash);

    /// <summary>After a user's role or active flag changes: rare, so this node simply starts afresh.</summary>
    public void ForgetAll() => cache.Clear();

    public void Dispose() => cache.Dispose();
}
