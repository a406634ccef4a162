using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Export;

/// <summary>Users' display names by id, loaded once per export so an owner column names people, not ids.</summary>
public static class OwnerNames
{
    public static async Task<Func<Guid?, string?>> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var names = await services.GetRequiredService<RapportDb>().Users.AsNoTracking()
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return id => id is { } value ? names.GetValueOrDefault(value) : null;
    }
}
