using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Hosting;

/// <summary>/openapi/v1.json describes every endpoint fully; /docs serves it; health endpoints answer.</summary>
public abstract class OpenApiTests(RapportApp app)
{
    private async Task<JsonElement> DocumentAsync()
    {
        var response = await app.ClientWithKey(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    public static TheoryData<string> Resources => new() { "companies", "contacts" };

    [Fact]
    public async Task Document_IsOpenApi31_WithTheBearerScheme()
    {
        var document = await DocumentAsync();
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        Assert.Equal("Rapport API", document.GetProperty("info").GetProperty("title").GetString());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task EveryApiRouteTheAppServes_IsInTheDocument_WithProblemResponses()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: e.RoutePattern.RawText!, Method: m)))
            .ToList();
        Assert.True(routes.Count >= 12);
        foreach (var (path, method) in routes)
        {
            var documented = path.Replace(":guid", "", StringComparison.Ordinal).TrimEnd('/');
            Assert.True(paths.TryGetProperty(documented, out var item), $"{method} {path} is not in /openapi/v1.json");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in /openapi/v1.json");
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out var badRequest), $"{method} {path} documents no 400");
            Assert.True(badRequest.GetProperty("content").TryGetProperty("application/problem+json", out _));
        }
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task EveryRecordEndpoint_IsListed_WithErrorResponsesAsProblems(string resource)
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var expected = new Dictionary<string, string[]>
        {
            [$"/api/v1/{resource}"] = ["get", "post"],
            [$"/api/v1/{resource}/{{id}}"] = ["get", "patch", "delete"],
            [$"/api/v1/{resource}/{{id}}/history"] = ["get"],
        };
        foreach (var (path, methods) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            foreach (var method in methods)
            {
                Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing");
                Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
                var responses = operation.GetProperty("responses");
                Assert.Contains(responses.EnumerateObject(), r => r.Name.StartsWith('2'));
                foreach (var status in new[] { "400", "401", "403", "404" })
                {
                    Assert.True(responses.TryGetProperty(status, out var error), $"{method} {path} does not document {status}");
                    Assert.True(error.GetProperty("content").TryGetProperty("application/problem+json", out _));
                }
            }
        }
        Assert.True(paths.GetProperty($"/api/v1/{resource}").GetProperty("post").GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(paths.GetProperty($"/api/v1/{resource}/{{id}}").GetProperty("patch").GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(paths.GetProperty($"/api/v1/{resource}/{{id}}").GetProperty("delete").GetProperty("responses").TryGetProperty("412", out _));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task CreateAndPatch_DescribeTheirBodies_AndTheirHeaders(string resource)
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        var post = paths.GetProperty($"/api/v1/{resource}").GetProperty("post");
        var patch = paths.GetProperty($"/api/v1/{resource}/{{id}}").GetProperty("patch");

        var postBody = Resolve(document, post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var patchContent = patch.GetProperty("requestBody").GetProperty("content");
        Assert.True(patchContent.TryGetProperty("application/merge-patch+json", out var mergePatch), "PATCH does not describe its merge-patch body");
        var patchBody = Resolve(document, mergePatch.GetProperty("schema"));
        var field = resource == "contacts" ? "lastName" : "name";
        Assert.True(postBody.GetProperty("properties").TryGetProperty(field, out _));
        Assert.True(patchBody.GetProperty("properties").TryGetProperty(field, out _));
        Assert.True(patchBody.GetProperty("properties").TryGetProperty("tags", out _));

        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Contains(patch.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match");
        var list = paths.GetProperty($"/api/v1/{resource}").GetProperty("get");
        Assert.Equal(["cursor", "filter", "limit", "q", "sort"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        var ok = Resolve(document, list.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(ok.GetProperty("properties").TryGetProperty("nextCursor", out _));
    }

    [Fact]
    public async Task ContactSchema_ListsLifecycleStagesAsCamelCaseStrings_AndHidesNothingInternal()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var text = schemas.ToString();
        Assert.Contains("\"mql\"", text);
        Assert.Contains("\"evangelist\"", text);
        Assert.DoesNotContain("isEmpty", text);
        Assert.DoesNotContain("searchVector", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Docs_ServeTheInteractiveReference()
    {
        var client = app.ClientWithKey(null);
        var response = await client.GetAsync("/docs");
        if (response.StatusCode == HttpStatusCode.Found) response = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Rapport API</title>", html);
        // The page resolves the document relative to the app's base path, beside /docs.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task Health_LiveAndReady_AnswerHealthyWithoutAKey()
    {
        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var response = await app.ClientWithKey(null).GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }
}

public sealed class OpenApiTestsOnSqlite(SqliteApp app) : OpenApiTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiTestsOnPostgres(PostgresApp app) : OpenApiTests(app), IClassFixture<PostgresApp>;
