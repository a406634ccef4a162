using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.Users;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Auth;

/// <summary>Its own app: the rule is about how many admins the whole workspace has.</summary>
public abstract class LastAdminTests(RapportApp app)
{
    [Fact]
    public async Task LastActiveAdmin_CannotBeDemotedOrDeactivated_UntilAnotherAdminExists()
    {
        var firstAdmin = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<UserAdministration>().ListAsync(default)).Single(u => u.Role == Roles.Admin));
        Task AsSystem(Func<UserAdministration, Task> action) => app.WithServicesAsync(async sp =>
        {
            await action(sp.GetRequiredService<UserAdministration>());
            return true;
        });

        var demote = await Assert.ThrowsAsync<ConflictException>(() => AsSystem(a => a.ChangeRoleAsync(firstAdmin.Id, Roles.Manager, default)));
        Assert.Contains("last active admin", demote.Message);
        await Assert.ThrowsAsync<ConflictException>(() => AsSystem(a => a.SetActiveAsync(firstAdmin.Id, false, default)));

        // A deactivated admin does not count.
        var second = await app.CreateUserAsync(Roles.Admin);
        await AsSystem(a => a.SetActiveAsync(second.Id, false, default));
        await Assert.ThrowsAsync<ConflictException>(() => AsSystem(a => a.ChangeRoleAsync(firstAdmin.Id, Roles.Manager, default)));

        // With another active admin, the second admin may demote the first.
        await AsSystem(a => a.SetActiveAsync(second.Id, true, default));
        await app.ActingAsAsync(second.Id, sp => sp.GetRequiredService<UserAdministration>().ChangeRoleAsync(firstAdmin.Id, Roles.Manager, default));
        var after = await app.WithServicesAsync(sp => sp.GetRequiredService<UserAdministration>().FindAsync(firstAdmin.Id, default));
        Assert.Equal(Roles.Manager, after!.Role);
    }
}

public sealed class SqliteLastAdminTests(SqliteApp app) : LastAdminTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLastAdminTests(PostgresApp app) : LastAdminTests(app), IClassFixture<PostgresApp>;
