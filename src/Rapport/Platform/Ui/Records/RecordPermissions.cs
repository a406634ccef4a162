using System.Security.Claims;
using Rapport.Platform.Auth;

namespace Rapport.Platform.Ui.Records;

/// <summary>
/// Whether to offer an action on a record. Only a hint for what buttons to show: the service checks again
/// on every call and has the last word.
/// </summary>
public static class RecordPermissions
{
    public static bool Can(ClaimsPrincipal user, Operation operation, Guid? ownerId = null) =>
        Permissions.ReachOf(user, operation) switch
        {
            Reach.All => true,
            Reach.Own => operation == Operation.Create
                || (ownerId is { } owner && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var me) && owner == me),
            _ => false,
        };
}
