using System.Net;
using System.Text.Json;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>Every API error is an RFC 9457 problem with a type, title, a detail a developer can act on, and a traceId.</summary>
public abstract class ProblemTests(RapportApp app)
{
    private static async Task<JsonElement> AssertCompleteProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.AssertProblemAsync(status);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.True((problem.GetProperty("detail").GetString() ?? "").Length > 10, $"detail too thin: {problem}");
        // W3C trace context: version-traceid-spanid-flags, as logged by the server.
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", problem.GetProperty("traceId").GetString());
        return problem;
    }

    [Fact]
    public async Task AuthenticationAndPermissionProblems_AreComplete()
    {
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        await AssertCompleteProblemAsync(await app.ClientWithKey(null).GetAsync("/api/v1/contacts"), HttpStatusCode.Unauthorized);
        await AssertCompleteProblemAsync(await app.ClientWithKey("rpk_nope").GetAsync("/api/v1/contacts"), HttpStatusCode.Unauthorized);
        await AssertCompleteProblemAsync(await viewer.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "No" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RoutingProblems_UnknownPathWrongMethodMissingRecord_AreComplete()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Routed" });
        await AssertCompleteProblemAsync(await admin.Client.GetAsync("/api/v1/no-such-resource"), HttpStatusCode.NotFound);
        await AssertCompleteProblemAsync(await admin.Client.GetAsync("/api/v1/contacts/not-a-guid"), HttpStatusCode.NotFound);
        var missing = await AssertCompleteProblemAsync(await admin.Client.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Contains("contact", missing.GetProperty("detail").GetString());
        var put = await admin.Client.PutAsync($"/api/v1/contacts/{contact.Id}", Json.Raw("{}"));
        await AssertCompleteProblemAsync(put, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task RequestProblems_ValidationPreconditionConflictAndSize_AreComplete()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Checked" });
        var invalid = await AssertCompleteProblemAsync(
            await admin.Client.PostJsonAsync("/api/v1/contacts", new { lastName = new string('x', 101) }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("lastName", out _));
        await AssertCompleteProblemAsync(await admin.Client.GetAsync("/api/v1/contacts?filter=nope eq 1"), HttpStatusCode.BadRequest);
        await AssertCompleteProblemAsync(
            await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "x" }, "\"7\""), HttpStatusCode.PreconditionFailed);
        await AssertCompleteProblemAsync(
            await admin.Client.PostAsync("/api/v1/contacts", Json.Raw("{\"lastName\":\"" + new string('x', 1_100_000) + "\"}")), HttpStatusCode.RequestEntityTooLarge);
        await AssertCompleteProblemAsync(
            await admin.Client.PostAsync("/api/v1/contacts", Json.Raw("lastName=x", "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType);
        await AssertCompleteProblemAsync(await admin.Client.PostAsync("/api/v1/contacts", Json.Raw("{")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TraceId_DiffersPerRequest()
    {
        var client = app.ClientWithKey(null);
        var a = (await (await client.GetAsync("/api/v1/contacts")).ReadJsonAsync()).GetProperty("traceId").GetString();
        var b = (await (await client.GetAsync("/api/v1/contacts")).ReadJsonAsync()).GetProperty("traceId").GetString();
        Assert.NotEqual(a, b);
    }
}

public sealed class ProblemTestsOnSqlite(SqliteApp app) : ProblemTests(app), IClassFixture<SqliteApp>;

public sealed class ProblemTestsOnPostgres(PostgresApp app) : ProblemTests(app), IClassFixture<PostgresApp>;
