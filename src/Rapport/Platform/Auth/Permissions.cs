using System.Security.Claims;

namespace Rapport.Platform.Auth;

public enum Operation
{
    Read,
    Create,
    Edit,
    Delete,
}

/// <summary>How far a permission reaches: no records, the records the user owns, or all records.</summary>
public enum Reach
{
    None,
    Own,
    All,
}

/// <summary>
/// What each role may do with CRM records. A user with several roles gets the widest reach any of them
/// grants; a read-only API key narrows every write to <see cref="Reach.None"/>.
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<string, Reach[]> Matrix = new(StringComparer.Ordinal)
    {
        //                          Read        Create      Edit        Delete
        [Roles.Admin] = [Reach.All, Reach.All, Reach.All, Reach.All],
        [Roles.Manager] = [Reach.All, Reach.All, Reach.All, Reach.All],
        [Roles.Sales] = [Reach.Own, Reach.Own, Reach.Own, Reach.Own],
        [Roles.Marketing] = [Reach.All, Reach.All, Reach.All, Reach.None],
        [Roles.Support] = [Reach.All, Reach.All, Reach.All, Reach.None],
        [Roles.ReadOnly] = [Reach.All, Reach.None, Reach.None, Reach.None],
    };

    public static Reach ReachOf(ClaimsPrincipal user, Operation operation)
    {
        if (operation != Operation.Read && user.FindFirstValue(RapportClaims.ApiScope) == ApiKeys.ApiKeyScope.Read)
            return Reach.None;
        var reach = Reach.None;
        foreach (var (role, reaches) in Matrix)
        {
            if (user.IsInRole(role) && reaches[(int)operation] > reach) reach = reaches[(int)operation];
        }
        return reach;
    }

    /// <summary>Defining custom fields changes every form and list: admins only, and not through a read-only key.</summary>
    public static bool CanDefineFields(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) && user.FindFirstValue(RapportClaims.ApiScope) != ApiKeys.ApiKeyScope.Read;

    public static bool CanManageUsers(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) && user.FindFirstValue(RapportClaims.ApiScope) is null;
}
