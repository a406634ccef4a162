using System.Net;
using System.Text;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>
/// Bodies a careless or hostile client might send. Each gets a 4xx problem that says what is wrong, never a
/// 500, and nothing stored changes: counts stay, and the record a PATCH aimed at reads back unchanged.
/// </summary>
public abstract class BadInputTests(RapportApp app)
{
    public static TheoryData<string, string> BadContactBodies => new()
    {
        { "truncated JSON", """{"lastName": """ },
        { "not JSON", "lastName=Smith" },
        { "an array", """[{"lastName":"Smith"}]""" },
        { "a bare string", "\"Smith\"" },
        { "trailing garbage", """{"lastName":"Smith"} {}""" },
        { "a comment", """{"lastName":"Smith" /* hi */}""" },
        { "number for text", """{"lastName":5}""" },
        { "string for list", """{"lastName":"Smith","emails":"smith@example.com"}""" },
        { "string for tags", """{"lastName":"Smith","tags":"vip"}""" },
        { "bad id", """{"lastName":"Smith","companyId":"not-a-guid"}""" },
        { "bool for enum", """{"lastName":"Smith","lifecycleStage":true}""" },
        { "unknown member", """{"lastName":"Smith","nickname":"Smitty"}""" },
        { "unknown nested member", """{"lastName":"Smith","address":{"planet":"Mars"}}""" },
        { "unknown member in list item", """{"lastName":"Smith","emails":[{"address":"s@example.com","verified":true}]}""" },
        { "read-only member", """{"lastName":"Smith","version":7}""" },
        { "server-set member", """{"lastName":"Smith","createdAt":"2020-01-01T00:00:00Z"}""" },
        { "over-long name", $$"""{"lastName":"{{new string('x', 101)}}"}""" },
        { "over-long notes", $$"""{"lastName":"Smith","notes":"{{new string('x', 10_001)}}"}""" },
        { "over-long tag", $$"""{"lastName":"Smith","tags":["{{new string('t', 51)}}"]}""" },
        { "too many tags", $$"""{"lastName":"Smith","tags":[{{string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"t{i}\""))}}]}""" },
        { "over-long email", $$"""{"lastName":"Smith","emails":[{"address":"{{new string('a', 250)}}@example.com"}]}""" },
        { "too many emails", $$"""{"lastName":"Smith","emails":[{{string.Join(",", Enumerable.Range(0, 21).Select(i => $"{{\"address\":\"a{i}@example.com\"}}"))}}]}""" },
        { "escaped NUL", """{"lastName":"Nul\u0000Byte"}""" },
        { "escaped NUL in nested text", """{"lastName":"Smith","address":{"city":"Nul\u0000City"}}""" },
        { "escaped NUL in a tag", """{"lastName":"Smith","tags":["a\u0000b"]}""" },
        { "raw NUL", "{\"lastName\":\"Nul\0Byte\"}" },
        { "lone high surrogate", """{"lastName":"Half\uD800"}""" },
        { "lone low surrogate", """{"lastName":"\uDC00Half"}""" },
        { "duplicate member", """{"lastName":"First","lastName":"Second"}""" },
        { "duplicate nested member", """{"lastName":"Smith","address":{"city":"A","city":"B"}}""" },
        { "deep nesting", "{\"lastName\":\"Smith\",\"tags\":" + new string('[', 200) + new string(']', 200) + "}" },
        { "null list item", """{"lastName":"Smith","tags":[null]}""" },
    };

    public static TheoryData<string, string> BadCompanyBodies => new()
    {
        { "huge integer", """{"name":"Big","employeeCount":99999999999999999999}""" },
        { "exponent overflow", """{"name":"Big","employeeCount":1e400}""" },
        { "fractional count", """{"name":"Big","employeeCount":12.5}""" },
        { "negative count", """{"name":"Big","employeeCount":-1}""" },
        { "money beyond decimal", """{"name":"Big","annualRevenue":{"amount":1e30,"currency":"EUR"}}""" },
        { "money beyond range", """{"name":"Big","annualRevenue":{"amount":1e20,"currency":"EUR"}}""" },
        { "NaN", """{"name":"Big","annualRevenue":{"amount":NaN,"currency":"EUR"}}""" },
        { "money as string", """{"name":"Big","annualRevenue":{"amount":"lots","currency":"EUR"}}""" },
        { "missing name", """{"domain":"big.example"}""" },
        { "escaped NUL in name", """{"name":"Big\u0000Co"}""" },
    };

    private async Task<(ApiUser Admin, Guid ContactId, Guid CompanyId)> ArrangeAsync()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Untouched", address = new { city = "Here" } });
        var company = await admin.CreateCompanyAsync(new { name = "Untouched Co", employeeCount = 10 });
        return (admin, contact.Id, company.Id);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500, $"{what}: expected a 4xx, got {status}: {body}");
        var problem = await response.AssertProblemAsync(response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"{what}: no detail in {body}");
    }

    [Theory]
    [MemberData(nameof(BadContactBodies))]
    public async Task BadContactBody_OnCreateAndPatch_Is4xxAndChangesNothing(string what, string json)
    {
        var (admin, contactId, _) = await ArrangeAsync();
        var before = await app.CountStoredAsync();

        await AssertRefusedAsync(await admin.Client.PostAsync("/api/v1/contacts", Json.Raw(json)), what);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/contacts/{contactId}") { Content = Json.Raw(json, "application/merge-patch+json") };
        await AssertRefusedAsync(await admin.Client.SendAsync(patch), what);

        Assert.Equal(before, await app.CountStoredAsync());
        var contact = await admin.GetContactAsync(contactId);
        Assert.Equal(("Untouched", "Here", 1), (contact.LastName, contact.Address.City, contact.Version));
    }

    [Theory]
    [MemberData(nameof(BadCompanyBodies))]
    public async Task BadCompanyBody_OnCreateAndPatch_Is4xxAndChangesNothing(string what, string json)
    {
        var (admin, _, companyId) = await ArrangeAsync();
        var before = await app.CountStoredAsync();

        await AssertRefusedAsync(await admin.Client.PostAsync("/api/v1/companies", Json.Raw(json)), what);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/companies/{companyId}") { Content = Json.Raw(json, "application/merge-patch+json") };
        if (what != "missing name") await AssertRefusedAsync(await admin.Client.SendAsync(patch), what);

        Assert.Equal(before, await app.CountStoredAsync());
        var company = await admin.GetCompanyAsync(companyId);
        Assert.Equal(("Untouched Co", 10, 1), (company.Name, company.EmployeeCount, company.Version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("   ")]
    public async Task EmptyOrNullBody_Is400(string json)
    {
        var (admin, contactId, _) = await ArrangeAsync();
        await AssertRefusedAsync(await admin.Client.PostAsync("/api/v1/contacts", Json.Raw(json)), "empty create");
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/contacts/{contactId}") { Content = Json.Raw(json, "application/merge-patch+json") };
        await AssertRefusedAsync(await admin.Client.SendAsync(patch), "empty patch");
        Assert.Equal(1, (await admin.GetContactAsync(contactId)).Version);
    }

    [Fact]
    public async Task BodyOver1MB_Is413_WithOrWithoutContentLength()
    {
        var (admin, contactId, _) = await ArrangeAsync();
        var before = await app.CountStoredAsync();
        var big = "{\"lastName\":\"Big\",\"notes\":\"" + new string('x', 1_048_600) + "\"}";

        var sized = await admin.Client.PostAsync("/api/v1/contacts", Json.Raw(big));
        Assert.Contains("1048576", (await sized.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());

        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/contacts/{contactId}") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await admin.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await app.CountStoredAsync());
        Assert.Equal(1, (await admin.GetContactAsync(contactId)).Version);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task WrongContentType_Is415(string? mediaType)
    {
        var (admin, contactId, _) = await ArrangeAsync();
        var before = await app.CountStoredAsync();
        HttpContent Body()
        {
            var content = new ByteArrayContent("""{"lastName":"Typed"}"""u8.ToArray());
            if (mediaType is not null) content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            return content;
        }
        await (await admin.Client.PostAsync("/api/v1/contacts", Body())).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await admin.Client.PatchAsync($"/api/v1/contacts/{contactId}", Body())).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await app.CountStoredAsync());
    }

    [Fact]
    public async Task NulInAFilterValue_Is400()
    {
        var (admin, _, _) = await ArrangeAsync();
        var response = await admin.Client.GetAsync($"/api/v1/contacts?filter={Uri.EscapeDataString("lastName eq 'a\0b'")}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var q = await admin.Client.GetAsync($"/api/v1/contacts?q={Uri.EscapeDataString("a\0b")}");
        Assert.Equal(HttpStatusCode.OK, q.StatusCode);
    }

    [Fact]
    public async Task SalesNamingSomeoneElsesRecords_IsRefused_AndNothingChanges()
    {
        var manager = await app.CreateUserAsync(Roles.Manager);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var theirCompany = await manager.CreateCompanyAsync(new { name = "Manager's" });
        var mine = await rep.CreateContactAsync(new { lastName = "Rep's" });
        var before = await app.CountStoredAsync();

        var assignOther = await rep.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "Gift", ownerId = manager.Id });
        await assignOther.AssertProblemAsync(HttpStatusCode.Forbidden);
        var linkOther = await rep.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "Link", companyId = theirCompany.Id });
        Assert.True((await linkOther.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("companyId", out _));
        var giveAway = await rep.Client.PatchJsonAsync($"/api/v1/contacts/{mine.Id}", new { ownerId = manager.Id });
        await giveAway.AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await app.CountStoredAsync());
        var stored = await rep.GetContactAsync(mine.Id);
        Assert.Equal((rep.Id, 1), (stored.OwnerId!.Value, stored.Version));
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
