using System.Net;
using System.Text.Json;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>Idempotency-Key on POST: a retry replays the first response; a different request with the key is a 422.</summary>
public abstract class IdempotencyTests(RapportApp app)
{
    private static Task<HttpResponseMessage> PostAsync(ApiUser user, string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json.Raw(json) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }

    private static string Body(object value) => JsonSerializer.Serialize(value, Json.Options);

    [Fact]
    public async Task Retry_ReplaysTheFirstResponseExactly_AndCreatesOneRecord()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        var json = Body(new { lastName = "Once", emails = new[] { new { address = "once@example.com" } } });
        var before = await app.CountStoredAsync();

        var first = await PostAsync(admin, "/api/v1/contacts", json, key);
        var retry = await PostAsync(admin, "/api/v1/contacts", json, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());

        var after = await app.CountStoredAsync();
        Assert.Equal(before.Contacts + 1, after.Contacts);
        Assert.Equal(before.AuditEntries + 1, after.AuditEntries);
    }

    [Fact]
    public async Task SameKeyWithADifferentBodyOrPath_Returns422AndStoresNothing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        await (await PostAsync(admin, "/api/v1/contacts", Body(new { lastName = "Original" }), key)).EnsureSuccessAsync();
        var before = await app.CountStoredAsync();

        var otherBody = await PostAsync(admin, "/api/v1/contacts", Body(new { lastName = "Impostor" }), key);
        var problem = await otherBody.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString());
        // Byte for byte: the same JSON written differently is a different request.
        var reformatted = await PostAsync(admin, "/api/v1/contacts", "{ \"lastName\": \"Original\" }", key);
        await reformatted.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var otherPath = await PostAsync(admin, "/api/v1/companies", Body(new { lastName = "Original" }), key);
        await otherPath.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, await app.CountStoredAsync());
    }

    [Fact]
    public async Task Keys_ArePerCaller()
    {
        var first = await app.CreateUserAsync(Roles.Admin);
        var second = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        var json = Body(new { name = "Shared Key Ltd" });
        var a = await (await PostAsync(first, "/api/v1/companies", json, key)).ReadJsonAsync();
        var b = await PostAsync(second, "/api/v1/companies", json, key);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(a.GetProperty("id").GetGuid(), (await b.ReadJsonAsync()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ARefusedRequest_IsNotRemembered_SoTheCorrectedOneCanUseTheSameKey()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        var invalid = await PostAsync(admin, "/api/v1/contacts", Body(new { lastName = new string('x', 101) }), key);
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest);
        var corrected = await PostAsync(admin, "/api/v1/contacts", Body(new { lastName = "Fixed" }), key);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    private Task<int> SeedRecordAsync(ApiUser user, string key, string path, string json, TimeSpan age, int status) =>
        app.WithDbAsync(async db =>
        {
            // The same fingerprint the filter takes: method, path and query, then the body bytes.
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes($"POST {path}\n{json}")));
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Owner = user.Id.ToString(), Key = key, RequestHash = hash, StatusCode = status,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime - age,
            });
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task RetryWhileTheFirstIsStillRunning_Returns409AndCreatesNothing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        var json = Body(new { name = "In Flight" });
        await SeedRecordAsync(admin, key, "/api/v1/companies", json, TimeSpan.Zero, status: 0);
        var before = await app.CountStoredAsync();
        var retry = await PostAsync(admin, "/api/v1/companies", json, key);
        Assert.Contains("still being processed", (await retry.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(before, await app.CountStoredAsync());
    }

    [Fact]
    public async Task KeysOlderThan24Hours_AreForgotten()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        await SeedRecordAsync(admin, key, "/api/v1/companies", Body(new { name = "Yesterday" }), TimeSpan.FromHours(25), status: 201);
        var reused = await PostAsync(admin, "/api/v1/companies", Body(new { name = "Today" }), key);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.Equal("Today", (await reused.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task KeyLongerThan255_Returns400_AndWithoutAKeyEveryPostCreates()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var before = await app.CountStoredAsync();
        var tooLong = await PostAsync(admin, "/api/v1/companies", Body(new { name = "Long Key" }), new string('k', 256));
        var problem = await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("255", problem.GetProperty("detail").GetString() + problem.GetProperty("errors").ToString());
        Assert.Equal(before, await app.CountStoredAsync());

        await admin.CreateCompanyAsync(new { name = "No Key" });
        await admin.CreateCompanyAsync(new { name = "No Key" });
        Assert.Equal(before.Companies + 2, (await app.CountStoredAsync()).Companies);
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyTestsOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
