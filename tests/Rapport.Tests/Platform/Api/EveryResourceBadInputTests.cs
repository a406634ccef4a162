using System.Text.Json;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>
/// The JSON rules hold for every resource the API serves, today's and later ones: each create and update
/// route in /openapi/v1.json gets the same hostile bodies, and none of them ends in a 500 or stores anything.
/// </summary>
public abstract class EveryResourceBadInputTests(RapportApp app)
{
    private static readonly string[] Bodies =
    [
        """{"a": """,
        """[]""",
        """{"noSuchMemberAnywhere":1}""",
        """{"x":1,"x":2}""",
        """{"x":"\uD800"}""",
        "{\"x\":" + new string('[', 100) + new string(']', 100) + "}",
    ];

    private static string? FirstTextField(JsonElement document, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body)) return null;
        var schema = body.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema");
        while (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Where(p => p.Value.ToString().Contains("\"string\"", StringComparison.Ordinal)
                && !p.Value.ToString().Contains("uuid", StringComparison.Ordinal) && !p.Value.ToString().Contains("date", StringComparison.Ordinal))
                .Select(p => p.Name).FirstOrDefault()
            : null;
    }

    [Fact]
    public async Task EveryCreateAndUpdateRoute_RefusesHostileBodiesWith4xx_AndStoresNothing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var document = await (await app.ClientWithKey(null).GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var before = await app.CountStoredAsync();
        var tried = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            // Only routes that take a body: an action such as POST /me/calendar-feed ignores one.
            foreach (var operation in path.Value.EnumerateObject()
                         .Where(o => o.Name is "post" or "patch" && o.Value.TryGetProperty("requestBody", out _)))
            {
                var url = path.Name.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
                var bodies = Bodies.ToList();
                if (FirstTextField(document, operation.Value) is { } field)
                    bodies.Add(JsonSerializer.Serialize(new Dictionary<string, string> { [field] = "nul\0here" }));
                foreach (var json in bodies)
                {
                    var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url) { Content = Json.Raw(json) };
                    var response = await admin.Client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    Assert.True(status is >= 400 and < 500,
                        $"{operation.Name} {path.Name} with {json[..Math.Min(json.Length, 40)]}: {status} {await response.Content.ReadAsStringAsync()}");
                    await response.AssertProblemAsync(response.StatusCode);
                    tried++;
                }
            }
        }
        Assert.True(tried >= 4 * Bodies.Length);
        Assert.Equal(before, await app.CountStoredAsync());
    }
}

public sealed class EveryResourceBadInputTestsOnSqlite(SqliteApp app) : EveryResourceBadInputTests(app), IClassFixture<SqliteApp>;

public sealed class EveryResourceBadInputTestsOnPostgres(PostgresApp app) : EveryResourceBadInputTests(app), IClassFixture<PostgresApp>;
