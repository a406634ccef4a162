using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Audit;
using Rapport.Platform.Data;

namespace Rapport.Platform.Auth.Users;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, string Role, bool IsActive, DateTimeOffset? LockoutEnd)
{
    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd > now;
}

public sealed record NewUser(string Email, string DisplayName, string Role, string Password);

/// <summary>
/// Creating users, setting roles and passwords, locking and deactivating: used by the admin page, the CLI and
/// first start. Every operation demands an admin caller here, not only on the page, and refuses to leave the
/// workspace without an active admin.
/// </summary>
public sealed class UserAdministration(UserManager<RapportUser> users, RoleManager<IdentityRole<Guid>> roles,
    RapportDb db, CurrentActor actor, ApiKeys.ApiKeyCache apiKeys, TimeProvider clock)
{
    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
        }
    }

    /// <summary>Creates the user, or updates name, role and (when given) password of an existing one. For setup and the CLI.</summary>
    public async Task<RapportUser> EnsureUserAsync(string email, string displayName, string role, string? password, CancellationToken ct)
    {
        DemandAdmin();
        if (!Roles.IsKnown(role)) throw RequestValidationException.For("role", $"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
        await EnsureRolesAsync(ct);
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = NewAccount(email, displayName);
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

    /// <summary>A new user from the admin page: a unique email, a known role and a password of at least 12 characters.</summary>
    public async Task<UserSummary> CreateAsync(NewUser request, CancellationToken ct)
    {
        DemandAdmin();
        var email = request.Email.Trim();
        var name = request.DisplayName.Trim();
        var errors = new Dictionary<string, string[]>();
        if (email.Length is 0 or > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            errors["email"] = ["Enter a valid email address."];
        else if (await users.FindByEmailAsync(email) is not null)
            errors["email"] = ["A user with this email already exists."];
        if (name.Length is 0 or > 200) errors["displayName"] = ["Enter a name of 1 to 200 characters."];
        if (!Roles.IsKnown(request.Role)) errors["role"] = [$"Choose one of: {string.Join(", ", Roles.All)}."];
        if (request.Password.Length < 12) errors["password"] = ["The password must be at least 12 characters long."];
        if (errors.Count > 0) throw new RequestValidationException(errors);

        var user = NewAccount(email, name);
        Check(await users.CreateAsync(user, request.Password));
        await SetRoleAsync(user, request.Role);
        return (await FindAsync(user.Id, ct))!;
    }

    public async Task ChangeRoleAsync(Guid userId, string role, CancellationToken ct)
    {
        DemandAdmin();
        if (!Roles.IsKnown(role)) throw RequestValidationException.For("role", $"Choose one of: {string.Join(", ", Roles.All)}.");
        var user = await LoadAsync(userId);
        if (role != Roles.Admin && await users.IsInRoleAsync(user, Roles.Admin))
        {
            if (user.Id == actor.UserId) throw new ConflictException("You cannot remove your own admin role. Ask another admin.");
            await EnsureAnotherActiveAdminAsync(user.Id, ct);
        }
        await SetRoleAsync(user, role);
    }

    public async Task ResetPasswordAsync(Guid userId, string password, CancellationToken ct)
    {
        DemandAdmin();
        var user = await LoadAsync(userId);
        // A new password also ends the user's sessions: SetPasswordAsync changes the security stamp.
        await SetPasswordAsync(user, password);
        await users.ResetAccessFailedCountAsync(user);
    }

    public async Task UnlockAsync(Guid userId, CancellationToken ct)
    {
        DemandAdmin();
        var user = await LoadAsync(userId);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    /// <summary>A deactivated user cannot sign in, their sessions end and their API keys stop working.</summary>
    public async Task SetActiveAsync(Guid userId, bool active, CancellationToken ct)
    {
        DemandAdmin();
        var user = await LoadAsync(userId);
        if (user.IsActive == active) return;
        if (!active)
        {
            if (user.Id == actor.UserId) throw new ConflictException("You cannot deactivate yourself. Ask another admin.");
            if (await users.IsInRoleAsync(user, Roles.Admin)) await EnsureAnotherActiveAdminAsync(user.Id, ct);
        }
        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        apiKeys.ForgetAll(); // cached API-key sessions of this node end now, other nodes' within the cache lifetime
    }

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct)
    {
        DemandAdmin();
        return await Summaries(users.Users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)).ToListAsync(ct);
    }

    public Task<UserSummary?> FindAsync(Guid userId, CancellationToken ct)
    {
        DemandAdmin();
        return Summaries(users.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(ct);
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid userId, CancellationToken ct)
    {
        DemandAdmin();
        return History.ForAsync(db, AccountAudit.UserType, userId, ct);
    }

    public async Task SetPasswordAsync(RapportUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
            Check(await validator.ValidateAsync(users, user, password), "password");
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password), "password");
    }

    public async Task SetRoleAsync(RapportUser user, string role)
    {
        if (!Roles.IsKnown(role)) throw RequestValidationException.For("role", $"Unknown role '{role}'.");
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role) return;
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        // Ends the user's sessions so the new role applies at once (see SessionValidator).
        await users.UpdateSecurityStampAsync(user);
        apiKeys.ForgetAll();
    }

    /// <summary>A random password that meets the policy, shown once to the admin who asked for it.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    private void DemandAdmin()
    {
        if (!Permissions.CanManageUsers(actor.Principal)) throw new ForbiddenException("Only admins can manage users.");
    }

    private async Task EnsureAnotherActiveAdminAsync(Guid userId, CancellationToken ct)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        ct.ThrowIfCancellationRequested();
        if (!admins.Any(a => a.Id != userId && a.IsActive))
            throw new ConflictException("This is the last active admin. Make someone else an admin first.");
    }

    private async Task<RapportUser> LoadAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("No such user.");

    private RapportUser NewAccount(string email, string displayName) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = displayName,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private IQueryable<UserSummary> Summaries(IQueryable<RapportUser> query) =>
        // Every user has exactly one role: SetRoleAsync replaces whatever was there.
        query.AsNoTracking().Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                .FirstOrDefault() ?? "",
            u.IsActive, u.LockoutEnd));

    private static void Check(IdentityResult result, string field = "user")
    {
        if (!result.Succeeded)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            }, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
