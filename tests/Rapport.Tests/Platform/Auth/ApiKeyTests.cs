using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Data;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Auth;

public abstract class ApiKeyTests(RapportApp app)
{
    [Fact]
    public async Task CreatedKey_WorksAsBearer_AndShowsWhenLastUsed()
    {
        var user = await app.CreateUserAsync(Roles.Manager);
        var created = await app.ActingAsAsync(user.Id, sp => sp.GetRequiredService<ApiKeyService>().CreateAsync(user.Id, "Nightly export", ApiKeyScope.ReadWrite, default));
        Assert.StartsWith("rpk_", created.Key);

        var response = await app.ClientWithKey(created.Key).GetAsync("/api/v1/contacts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var listed = await app.ActingAsAsync(user.Id, sp => sp.GetRequiredService<ApiKeyService>().ListAsync(user.Id, default));
        var summary = Assert.Single(listed, k => k.Id == created.Id);
        Assert.Equal("Nightly export", summary.Name);
        Assert.Equal(created.Key[..12], summary.Prefix);
        Assert.NotNull(summary.LastUsedAt);
        Assert.Null(summary.RevokedAt);
    }

    [Fact]
    public async Task RevokedKey_Gets401()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var keys = await app.ActingAsAsync(user.Id, sp => sp.GetRequiredService<ApiKeyService>().ListAsync(user.Id, default));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/companies")).StatusCode);

        Assert.True(await app.ActingAsAsync(user.Id, sp => sp.GetRequiredService<ApiKeyService>().RevokeAsync(user.Id, keys.Single().Id, default)));

        await (await user.Client.GetAsync("/api/v1/companies")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var after = await app.ActingAsAsync(user.Id, sp => sp.GetRequiredService<ApiKeyService>().ListAsync(user.Id, default));
        Assert.NotNull(after.Single().RevokedAt);
    }

    [Fact]
    public async Task ReadScopedKey_CanRead_ButPostGets403()
    {
        var user = await app.CreateUserAsync(Roles.Admin, ApiKeyScope.Read);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/companies")).StatusCode);
        var post = await user.Client.PostJsonAsync("/api/v1/companies", new { name = "Read-only Ltd" });
        await post.AssertProblemAsync(HttpStatusCode.Forbidden);
        var search = await user.Client.GetAsync("/api/v1/companies?q=Read-only");
        Assert.DoesNotContain("Read-only Ltd", await search.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Key_IsStoredHashed_ThePlainKeyIsNowhereInTheDatabase()
    {
        var user = await app.CreateUserAsync(Roles.Support);
        var rows = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == user.Id).ToListAsync();
            var audit = await db.AuditEntries.AsNoTracking().Select(e => e.Changes).ToListAsync();
            return (keys, audit);
        });
        var stored = Assert.Single(rows.keys);
        Assert.Equal(ApiKeyService.HashOf(user.ApiKey), stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
        var secretPart = user.ApiKey[12..];
        Assert.DoesNotContain(secretPart, stored.Hash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(rows.audit, changes => changes.Contains(secretPart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task User_CannotListOrRevokeSomeoneElsesKeys_ButAnAdminCan()
    {
        var owner = await app.CreateUserAsync(Roles.Sales);
        var other = await app.CreateUserAsync(Roles.Sales);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var ownerKey = (await app.ActingAsAsync(owner.Id, sp => sp.GetRequiredService<ApiKeyService>().ListAsync(owner.Id, default))).Single();

        await Assert.ThrowsAsync<ForbiddenException>(() => app.ActingAsAsync(other.Id, sp => sp.GetRequiredService<ApiKeyService>().ListAsync(owner.Id, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.ActingAsAsync(other.Id, sp => sp.GetRequiredService<ApiKeyService>().RevokeAsync(owner.Id, ownerKey.Id, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.ActingAsAsync(other.Id, sp => sp.GetRequiredService<ApiKeyService>().CreateAsync(owner.Id, "sneaky", ApiKeyScope.ReadWrite, default)));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync("/api/v1/companies")).StatusCode);

        Assert.True(await app.ActingAsAsync(admin.Id, sp => sp.GetRequiredService<ApiKeyService>().RevokeAsync(owner.Id, ownerKey.Id, default)));
        await (await owner.Client.GetAsync("/api/v1/companies")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateKey_WithoutNameOrWithUnknownScope_IsRefused()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            app.ActingAsAsync(user.Id, sp => sp.GetRequiredService<ApiKeyService>().CreateAsync(user.Id, "  ", "admin", default)));
        Assert.True(error.Errors.ContainsKey("name"));
        Assert.True(error.Errors.ContainsKey("scope"));
    }
}

public sealed class SqliteApiKeyTests(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiKeyTests(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
