using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.Ui;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Ui;

/// <summary>An open page (a Blazor circuit) loses its session when the user is deactivated or their role changes.</summary>
public sealed class CircuitAuthenticationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task OpenCircuit_StaysSignedIn_UntilTheUserIsDeactivated()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var principal = await PrincipalAsync(rep.Email);
        var circuit = NewCircuitAuthentication();
        Assert.True(await circuit.IsCurrentAsync(principal));

        await app.WithServicesAsync(async s =>
        {
            await s.GetRequiredService<UserAdministration>().SetActiveAsync(rep.Id, false);
            return true;
        });

        Assert.False(await circuit.IsCurrentAsync(principal));
    }

    [Fact]
    public async Task OpenCircuit_EndsWhenTheRoleChanges()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var principal = await PrincipalAsync(rep.Email);

        await app.WithServicesAsync(async s =>
        {
            var user = await s.GetRequiredService<UserManager<RapportUser>>().FindByIdAsync(rep.Id.ToString());
            await s.GetRequiredService<UserAdministration>().SetRoleAsync(user!, Roles.Manager);
            return true;
        });

        Assert.False(await NewCircuitAuthentication().IsCurrentAsync(principal));
    }

    private CircuitAuthentication NewCircuitAuthentication() =>
        new(NullLoggerFactory.Instance, app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<IOptions<IdentityOptions>>());

    private Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email) =>
        app.WithServicesAsync(async s =>
        {
            var user = await s.GetRequiredService<UserManager<RapportUser>>().FindByEmailAsync(email);
            return await s.GetRequiredService<IUserClaimsPrincipalFactory<RapportUser>>().CreateAsync(user!);
        });
}
