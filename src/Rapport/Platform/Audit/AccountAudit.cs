using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;

namespace Rapport.Platform.Audit;

/// <summary>
/// Users, their roles and their API keys are not CRM records (no version, no owner), but who created a user,
/// changed a role, reset a password, locked, deactivated or revoked something matters as much. They get the
/// same <see cref="AuditEntry"/> rows, limited to fields worth reading: never hashes or stamps, and a password
/// change shows only that it happened.
/// </summary>
public static class AccountAudit
{
    public const string UserType = "user";
    public const string ApiKeyType = "apiKey";

    private static readonly string[] UserFields =
        [nameof(RapportUser.Email), nameof(RapportUser.DisplayName), nameof(RapportUser.IsActive), nameof(RapportUser.LockoutEnd)];

    private static readonly string[] ApiKeyFields = [nameof(ApiKey.Name), nameof(ApiKey.Scope), nameof(ApiKey.RevokedAt)];

    internal static List<(string Type, Guid Id, AuditAction Action, List<FieldChange> Changes)> Collect(DbContext context)
    {
        var result = new List<(string, Guid, AuditAction, List<FieldChange>)>();
        foreach (var entry in context.ChangeTracker.Entries<RapportUser>().Where(Changed))
        {
            var changes = Fields(entry, UserFields);
            var password = entry.Property(u => u.PasswordHash);
            if (entry.State == EntityState.Modified && password.IsModified && password.OriginalValue != password.CurrentValue)
                changes.Add(new FieldChange("password", null, password.CurrentValue is null ? "removed" : "changed"));
            if (changes.Count > 0 || entry.State != EntityState.Modified)
                result.Add((UserType, entry.Entity.Id, ActionOf(entry.State), changes));
        }
        foreach (var entry in context.ChangeTracker.Entries<IdentityUserRole<Guid>>().Where(Changed))
        {
            var role = RoleName(context, entry.Entity.RoleId);
            var change = entry.State == EntityState.Added ? new FieldChange("role", null, role) : new FieldChange("role", role, null);
            result.Add((UserType, entry.Entity.UserId, AuditAction.Updated, [change]));
        }
        foreach (var entry in context.ChangeTracker.Entries<ApiKey>().Where(Changed))
        {
            var changes = Fields(entry, ApiKeyFields);
            if (changes.Count > 0 || entry.State != EntityState.Modified)
                result.Add((ApiKeyType, entry.Entity.Id, ActionOf(entry.State), changes));
        }
        return result;
    }

    private static bool Changed(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private static AuditAction ActionOf(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Updated,
    };

    private static List<FieldChange> Fields(EntityEntry entry, string[] names)
    {
        var changes = new List<FieldChange>();
        foreach (var name in names)
        {
            var property = entry.Property(name);
            if (entry.State == EntityState.Modified && !property.IsModified) continue;
            var old = entry.State == EntityState.Added ? null : Format(property.OriginalValue);
            var now = entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (old != now) changes.Add(new FieldChange(char.ToLowerInvariant(name[0]) + name[1..], old, now));
        }
        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    // UserManager looks the role up on this same context before adding or removing it, so it is tracked.
    private static string RoleName(DbContext context, Guid roleId) =>
        context.Set<IdentityRole<Guid>>().Local.FirstOrDefault(r => r.Id == roleId)?.Name
        ?? context.Set<IdentityRole<Guid>>().Find(roleId)?.Name
        ?? roleId.ToString();

    internal static string Serialize(List<FieldChange> changes) => JsonSerializer.Serialize(changes, AuditJson.Options);
}
