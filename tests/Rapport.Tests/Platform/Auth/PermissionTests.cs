using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Auth;

/// <summary>The role table of docs/api.md, role by role, on records the caller owns and on someone else's.</summary>
public abstract class PermissionTests(RapportApp app)
{
    private async Task<(ContactResponse Theirs, string Marker)> SomeoneElsesContactAsync()
    {
        var manager = await app.CreateUserAsync(Roles.Manager);
        var marker = "perm" + Guid.NewGuid().ToString("N")[..10];
        return (await manager.CreateContactAsync(new { lastName = "Theirs", tags = new[] { marker } }), marker);
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode) await response.AssertProblemAsync(response.StatusCode);
        return response.StatusCode;
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Manager)]
    public async Task AdminAndManager_ReadEditAndDeleteEveryonesRecords(string role)
    {
        var user = await app.CreateUserAsync(role);
        var (theirs, marker) = await SomeoneElsesContactAsync();
        var list = await (await user.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'")).ReadAsync<Page<ContactResponse>>();
        Assert.Single(list.Data);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user.Client.GetAsync($"/api/v1/contacts/{theirs.Id}/history")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user.Client.PatchJsonAsync($"/api/v1/contacts/{theirs.Id}", new { jobTitle = role })));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(user.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "New" })));
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(user.Client.DeleteAsync($"/api/v1/contacts/{theirs.Id}")));
    }

    [Fact]
    public async Task Sales_SeesAndChangesOnlyOwnRecords_OthersAre404Everywhere()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var (theirs, marker) = await SomeoneElsesContactAsync();
        var mine = await rep.CreateContactAsync(new { lastName = "Mine", tags = new[] { marker } });
        Assert.Equal(rep.Id, mine.OwnerId);

        var list = await (await rep.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'&limit=200")).ReadAsync<Page<ContactResponse>>();
        Assert.Equal([mine.Id], list.Data.Select(c => c.Id));
        var everything = await (await rep.Client.GetAsync("/api/v1/contacts?limit=200")).ReadAsync<Page<ContactResponse>>();
        Assert.All(everything.Data, c => Assert.Equal(rep.Id, c.OwnerId));
        var byId = await (await rep.Client.GetAsync($"/api/v1/contacts?filter=id eq '{theirs.Id}'")).ReadAsync<Page<ContactResponse>>();
        Assert.Empty(byId.Data);

        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => rep.Client.GetAsync($"/api/v1/contacts/{theirs.Id}"),
            () => rep.Client.GetAsync($"/api/v1/contacts/{theirs.Id}/history"),
            () => rep.Client.PatchJsonAsync($"/api/v1/contacts/{theirs.Id}", new { lastName = "Hijacked" }),
            () => rep.Client.DeleteAsync($"/api/v1/contacts/{theirs.Id}"),
        })
        {
            var problem = await (await call()).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains(theirs.Id.ToString(), problem.GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(rep.Client.PatchJsonAsync($"/api/v1/contacts/{mine.Id}", new { jobTitle = "Closer" })));
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(rep.Client.DeleteAsync($"/api/v1/contacts/{mine.Id}")));

        var admin = await app.CreateUserAsync(Roles.Admin);
        var untouched = await admin.GetContactAsync(theirs.Id);
        Assert.Equal(("Theirs", 1), (untouched.LastName, untouched.Version));
    }

    [Theory]
    [InlineData(Roles.Marketing)]
    [InlineData(Roles.Support)]
    public async Task MarketingAndSupport_ReadCreateAndEditAll_ButCannotDelete(string role)
    {
        var user = await app.CreateUserAsync(role);
        var (theirs, _) = await SomeoneElsesContactAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user.Client.GetAsync($"/api/v1/contacts/{theirs.Id}")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user.Client.PatchJsonAsync($"/api/v1/contacts/{theirs.Id}", new { jobTitle = role })));
        var created = await user.CreateContactAsync(new { lastName = "Campaign" });
        Assert.Equal(user.Id, created.OwnerId);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(user.Client.DeleteAsync($"/api/v1/contacts/{theirs.Id}")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(user.Client.DeleteAsync($"/api/v1/contacts/{created.Id}")));
        Assert.Equal(role, (await user.GetContactAsync(theirs.Id)).JobTitle);
    }

    [Fact]
    public async Task ReadOnly_ReadsEverything_EveryWriteIs403_NothingChanges()
    {
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        var (theirs, marker) = await SomeoneElsesContactAsync();
        var before = await app.CountStoredAsync();
        var list = await (await viewer.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'")).ReadAsync<Page<ContactResponse>>();
        Assert.Single(list.Data);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(viewer.Client.GetAsync($"/api/v1/contacts/{theirs.Id}/history")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "Nope" })));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer.Client.PostJsonAsync("/api/v1/companies", new { name = "Nope" })));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer.Client.PatchJsonAsync($"/api/v1/contacts/{theirs.Id}", new { lastName = "Nope" })));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer.Client.DeleteAsync($"/api/v1/contacts/{theirs.Id}")));
        Assert.Equal(before, await app.CountStoredAsync());
        Assert.Equal(1, (await viewer.GetContactAsync(theirs.Id)).Version);
    }

    [Fact]
    public async Task ReadScopedKey_OfAnAdmin_CanOnlyRead()
    {
        var admin = await app.CreateUserAsync(Roles.Admin, ApiKeyScope.Read);
        var (theirs, _) = await SomeoneElsesContactAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.Client.GetAsync($"/api/v1/contacts/{theirs.Id}")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(admin.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "Nope" })));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(admin.Client.PatchJsonAsync($"/api/v1/contacts/{theirs.Id}", new { lastName = "Nope" })));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(admin.Client.DeleteAsync($"/api/v1/contacts/{theirs.Id}")));
        Assert.Equal("Theirs", (await admin.GetContactAsync(theirs.Id)).LastName);
    }

    [Fact]
    public async Task RevokedKeyOrDeactivatedUser_Is401()
    {
        var user = await app.CreateUserAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Rapport.Platform.Auth.Users.UserAdministration>().SetActiveAsync(user.Id, false, default);
            return 0;
        });
        await (await user.Client.GetAsync("/api/v1/contacts?limit=1")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class PermissionTestsOnSqlite(SqliteApp app) : PermissionTests(app), IClassFixture<SqliteApp>;

public sealed class PermissionTestsOnPostgres(PostgresApp app) : PermissionTests(app), IClassFixture<PostgresApp>;
