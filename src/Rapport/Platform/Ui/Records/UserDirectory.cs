using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Platform.Ui.Records;

public sealed record UserChoice(Guid Id, string Name, bool IsActive);

/// <summary>The workspace's people, to show owners by name and to offer them in owner pickers.</summary>
public sealed class UserDirectory(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<UserChoice>> AllAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        return await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new UserChoice(u.Id, u.DisplayName == "" ? u.Email ?? "" : u.DisplayName, u.IsActive))
            .ToListAsync();
    }

    /// <summary>
    /// Who the signed-in user may make a record's owner: any active user, or only themselves when their role
    /// reaches only their own records (the service refuses anything else, this just avoids offering it).
    /// </summary>
    public static IReadOnlyList<UserChoice> AssignableBy(ClaimsPrincipal user, IReadOnlyList<UserChoice> all, Guid? current)
    {
        var own = Permissions.ReachOf(user, Operation.Create) == Reach.Own;
        var me = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        return all.Where(u => u.Id == current || (u.IsActive && (!own || u.Id == me))).ToList();
    }

    public static string NameOf(IReadOnlyList<UserChoice> all, Guid? id) =>
        id is null ? "" : all.FirstOrDefault(u => u.Id == id)?.Name ?? "(removed user)";
}
