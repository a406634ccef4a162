using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Contacts;

/// <summary>The home page's counts and recent records stay within what the signed-in user may see.</summary>
public abstract class ContactsOverviewTests(RapportApp app)
{
    [Fact]
    public async Task SalesUser_CountsAndSeesOnlyTheirOwnRecords()
    {
        var sales = await app.CreateUserAsync(Roles.Sales);
        var otherSales = await app.CreateUserAsync(Roles.Sales);
        await (await sales.Client.PostJsonAsync("/api/v1/companies", new { name = "Mine One" })).EnsureSuccessAsync();
        await (await sales.Client.PostJsonAsync("/api/v1/companies", new { name = "Mine Two" })).EnsureSuccessAsync();
        await (await otherSales.Client.PostJsonAsync("/api/v1/companies", new { name = "Not Mine" })).EnsureSuccessAsync();

        var mine = await OverviewAsAsync(sales.Id);
        Assert.Equal(2, mine.Companies);
        Assert.Equal(0, mine.Contacts);
        Assert.Equal(["Mine Two", "Mine One"], mine.RecentlyUpdated.Select(r => r.Title));

        var admin = await app.CreateUserAsync(Roles.Admin);
        var all = await OverviewAsAsync(admin.Id);
        Assert.True(all.Companies >= 3);
        Assert.Contains(all.RecentlyUpdated, r => r.Title == "Not Mine");
    }

    private async Task<ContactsSummary> OverviewAsAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<RapportUser>>().FindByIdAsync(userId.ToString());
        var principal = await services.GetRequiredService<SignInManager<RapportUser>>().CreateUserPrincipalAsync(user!);
        services.GetRequiredService<CurrentActor>().Set(principal, "ui");
        return await services.GetRequiredService<ContactsOverview>().GetAsync(8, CancellationToken.None);
    }
}

public sealed class SqliteContactsOverviewTests(SqliteApp app) : ContactsOverviewTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresContactsOverviewTests(PostgresApp app) : ContactsOverviewTests(app), IClassFixture<PostgresApp>;
