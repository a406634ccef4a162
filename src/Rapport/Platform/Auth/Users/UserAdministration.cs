using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;

namespace Rapport.Platform.Auth.Users;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsActive, DateTimeOffset? LockoutEnd);

/// <summary>Creating users, setting roles and passwords: used by the admin pages, the CLI and first start.</summary>
public sealed class UserAdministration(UserManager<RapportUser> users, RoleManager<IdentityRole<Guid>> roles,
    ApiKeys.ApiKeyCache apiKeys, TimeProvider clock)
{
    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
        }
    }

    /// <summary>Creates the user, or updates name, role and (when given) password of an existing one.</summary>
    public async Task<RapportUser> EnsureUserAsync(string email, string displayName, string role, string? password, CancellationToken ct)
    {
        if (!Roles.IsKnown(role)) throw RequestValidationException.For("role", $"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
        await EnsureRolesAsync(ct);
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new RapportUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        }
        else
        {
            user.DisplayName = displayName;
            user.IsActive = true;
            Check(await users.UpdateAsync(user));
            if (password is not null) await SetPasswordAsync(user, password);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        await SetRoleAsync(user, role);
        return user;
    }

    public async Task SetPasswordAsync(RapportUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
            Check(await validator.ValidateAsync(users, user, password));
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
    }

    public async Task SetRoleAsync(RapportUser user, string role)
    {
        if (!Roles.IsKnown(role)) throw RequestValidationException.For("role", $"Unknown role '{role}'.");
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role) return;
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        await users.UpdateSecurityStampAsync(user);
        apiKeys.ForgetAll();
    }

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var result = new List<UserSummary>();
        foreach (var user in all)
            result.Add(new UserSummary(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], user.IsActive, user.LockoutEnd));
        return result;
    }

    public async Task SetActiveAsync(Guid userId, bool active)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("No such user.");
        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        await users.UpdateSecurityStampAsync(user);
        apiKeys.ForgetAll();
    }

    /// <summary>A random password that meets the policy, shown once to the admin who asked for it.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["user"] = result.Errors.Select(e => e.Description).ToArray(),
            }, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
