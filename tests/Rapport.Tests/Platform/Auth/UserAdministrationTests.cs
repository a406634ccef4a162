using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.Users;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Auth;

public abstract class UserAdministrationTests(RapportApp app)
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@tests.local";

    private Task<T> AsAdminAsync<T>(ApiUser admin, Func<UserAdministration, Task<T>> action) =>
        app.ActingAsAsync(admin.Id, sp => action(sp.GetRequiredService<UserAdministration>()));

    private Task AsAdminAsync(ApiUser admin, Func<UserAdministration, Task> action) =>
        app.ActingAsAsync(admin.Id, sp => action(sp.GetRequiredService<UserAdministration>()));

    [Fact]
    public async Task CreateUser_WithTwelveCharacterPassword_CanSignInWithTheRoleGiven()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var email = NewEmail("new");
        // Twelve lowercase letters: length counts, composition does not.
        var created = await AsAdminAsync(admin, a => a.CreateAsync(new NewUser(email, "Nora New", Roles.Marketing, "abcdefghijkl"), default));
        Assert.Equal(Roles.Marketing, created.Role);
        Assert.True(created.IsActive);

        var response = await app.BrowserClient().PostLoginAsync(email, "abcdefghijkl");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.SetsAuthCookie());
    }

    [Fact]
    public async Task CreateUser_WithDuplicateEmail_IsRefusedOnTheEmailField()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var email = NewEmail("twice");
        await AsAdminAsync(admin, a => a.CreateAsync(new NewUser(email, "First", Roles.Sales, "a good long password"), default));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            AsAdminAsync(admin, a => a.CreateAsync(new NewUser(email.ToUpperInvariant(), "Second", Roles.Sales, "another long password"), default)));
        Assert.Contains("already exists", error.Errors["email"][0]);
        var users = await AsAdminAsync(admin, a => a.ListAsync(default));
        Assert.Single(users, u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CreateUser_WithElevenCharacterPassword_IsRefusedAndNotCreated()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var email = NewEmail("short");
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            AsAdminAsync(admin, a => a.CreateAsync(new NewUser(email, "Shorty", Roles.Sales, "elevenchars"), default)));
        Assert.Contains("12", error.Errors["password"][0]);
        var users = await AsAdminAsync(admin, a => a.ListAsync(default));
        Assert.DoesNotContain(users, u => u.Email == email);
    }

    [Fact]
    public async Task Admin_CannotDemoteOrDeactivateThemselves()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        await Assert.ThrowsAsync<ConflictException>(() => AsAdminAsync(admin, a => a.ChangeRoleAsync(admin.Id, Roles.Sales, default)));
        await Assert.ThrowsAsync<ConflictException>(() => AsAdminAsync(admin, a => a.SetActiveAsync(admin.Id, false, default)));

        var me = await AsAdminAsync(admin, a => a.FindAsync(admin.Id, default));
        Assert.Equal(Roles.Admin, me!.Role);
        Assert.True(me.IsActive);
    }

    [Fact]
    public async Task NonAdminCaller_IsRefusedEveryUserOperation()
    {
        foreach (var role in new[] { Roles.Sales, Roles.Manager })
        {
            var caller = await app.CreateUserAsync(role);
            var victim = await app.CreateUserAsync(Roles.ReadOnly);
            Task Act(Func<UserAdministration, Task> action) => app.ActingAsAsync(caller.Id, sp => action(sp.GetRequiredService<UserAdministration>()));

            await Assert.ThrowsAsync<ForbiddenException>(() => Act(a => a.CreateAsync(new NewUser(NewEmail("x"), "X", Roles.Admin, "a good long password"), default)));
            await Assert.ThrowsAsync<ForbiddenException>(() => Act(a => a.ChangeRoleAsync(caller.Id, Roles.Admin, default)));
            await Assert.ThrowsAsync<ForbiddenException>(() => Act(a => a.ResetPasswordAsync(victim.Id, "a good long password", default)));
            await Assert.ThrowsAsync<ForbiddenException>(() => Act(a => a.SetActiveAsync(victim.Id, false, default)));
            await Assert.ThrowsAsync<ForbiddenException>(() => Act(a => a.UnlockAsync(victim.Id, default)));
            await Assert.ThrowsAsync<ForbiddenException>(() => Act(a => a.ListAsync(default)));
        }
    }

    [Fact]
    public async Task DeactivatedUser_CannotSignIn_AndTheirApiKeyGets401_UntilReactivated()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var sales = await app.CreateUserAsync(Roles.Sales);
        Assert.Equal(HttpStatusCode.OK, (await sales.Client.GetAsync("/api/v1/companies")).StatusCode);

        await AsAdminAsync(admin, a => a.SetActiveAsync(sales.Id, false, default));

        await (await sales.Client.GetAsync("/api/v1/companies")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var signIn = await app.BrowserClient().PostLoginAsync(sales.Email, "a long enough test password");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(UiSessions.FailedSignIn, await signIn.Content.ReadAsStringAsync());
        Assert.False(signIn.SetsAuthCookie());

        await AsAdminAsync(admin, a => a.SetActiveAsync(sales.Id, true, default));
        Assert.Equal(HttpStatusCode.OK, (await sales.Client.GetAsync("/api/v1/companies")).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_OldPasswordStopsWorking_NewOneSignsIn()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var user = await app.CreateUserAsync(Roles.Support);
        await AsAdminAsync(admin, a => a.ResetPasswordAsync(user.Id, "brand new passphrase", default));

        var old = await app.BrowserClient().PostLoginAsync(user.Email, "a long enough test password");
        Assert.Contains(UiSessions.FailedSignIn, await old.Content.ReadAsStringAsync());
        await app.SignInAsync(user.Email, "brand new passphrase");

        await Assert.ThrowsAsync<RequestValidationException>(() => AsAdminAsync(admin, a => a.ResetPasswordAsync(user.Id, "too short", default)));
    }

    [Fact]
    public async Task RoleChangeAndDeactivation_EndExistingSessions()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var user = await app.CreateUserAsync(Roles.Admin);
        // The principal a signed-in browser (and its Blazor circuit) holds.
        var principal = await app.ActingAsAsync(user.Id, sp => Task.FromResult(sp.GetRequiredService<CurrentActor>().Principal));
        Assert.True(await app.WithServicesAsync(sp => sp.GetRequiredService<SessionValidator>().IsCurrentAsync(principal)));

        await AsAdminAsync(admin, a => a.ChangeRoleAsync(user.Id, Roles.Sales, default));
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<SessionValidator>().IsCurrentAsync(principal)));

        var fresh = await app.ActingAsAsync(user.Id, sp => Task.FromResult(sp.GetRequiredService<CurrentActor>().Principal));
        Assert.False(fresh.IsInRole(Roles.Admin));
        await AsAdminAsync(admin, a => a.SetActiveAsync(user.Id, false, default));
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<SessionValidator>().IsCurrentAsync(fresh)));
    }

    [Fact]
    public async Task UserChanges_AreInTheUsersHistory_WithTheAdminWhoMadeThem()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var created = await AsAdminAsync(admin, a => a.CreateAsync(new NewUser(NewEmail("audited"), "Audrey", Roles.Sales, "a good long password"), default));
        await AsAdminAsync(admin, a => a.ChangeRoleAsync(created.Id, Roles.Manager, default));
        await AsAdminAsync(admin, a => a.ResetPasswordAsync(created.Id, "another long password", default));
        await AsAdminAsync(admin, a => a.SetActiveAsync(created.Id, false, default));

        var history = await AsAdminAsync(admin, a => a.HistoryAsync(created.Id, default));
        Assert.All(history, h => Assert.Equal(admin.Id, h.ActorId));
        var changes = history.SelectMany(h => h.Changes).ToList();
        Assert.Contains(history, h => h.Action == "created");
        Assert.Contains(changes, c => c is { Field: "role", Old: null, New: Roles.Manager });
        Assert.Contains(changes, c => c is { Field: "role", Old: Roles.Sales, New: null });
        Assert.Contains(changes, c => c is { Field: "password", New: "changed" });
        Assert.Contains(changes, c => c is { Field: "isActive", Old: "true", New: "false" });
        // Hashes never reach the audit trail.
        Assert.DoesNotContain(changes, c => c.Field.Contains("hash", StringComparison.OrdinalIgnoreCase) || c.Field.Contains("stamp", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class SqliteUserAdministrationTests(SqliteApp app) : UserAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresUserAdministrationTests(PostgresApp app) : UserAdministrationTests(app), IClassFixture<PostgresApp>;
