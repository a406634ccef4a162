using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>ETag on reads and If-Match on PATCH and DELETE: a stale write is refused with 412 and changes nothing.</summary>
public abstract class ConcurrencyTests(RapportApp app)
{
    private static HttpRequestMessage Delete(Guid id, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/contacts/{id}");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static async Task<int> HistoryCountAsync(ApiUser user, Guid id) =>
        (await (await user.Client.GetAsync($"/api/v1/contacts/{id}/history")).ReadJsonAsync()).GetArrayLength();

    [Fact]
    public async Task GetAndPatch_ReturnTheVersionAsAStrongETag_AndPatchResponseMatchesTheNextGet()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Tagged" });
        var get = await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        Assert.False(get.Headers.ETag!.IsWeak);

        var patch = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "Tester" }, get.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("\"2\"", patch.Headers.ETag?.Tag);
        var again = await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}");
        Assert.Equal("\"2\"", again.Headers.ETag?.Tag);
        Assert.Equal(await patch.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PatchWithStaleIfMatch_Returns412NamingBothVersions_AndChangesNothing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Racer", jobTitle = "First" });
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "Second" }, "\"1\"")).EnsureSuccessAsync();

        var stale = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "Lost update" }, "\"1\"");
        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("version 1", detail);
        Assert.Contains("now 2", detail);

        var current = await admin.GetContactAsync(contact.Id);
        Assert.Equal("Second", current.JobTitle);
        Assert.Equal(2, current.Version);
        Assert.Equal(2, await HistoryCountAsync(admin, contact.Id));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"99999999999999\"")]
    [InlineData("1")]
    public async Task PatchWithAnIfMatchThatIsNotOurs_Returns412(string ifMatch)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Strict" });
        var response = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { lastName = "Changed" }, ifMatch);
        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Strict", (await admin.GetContactAsync(contact.Id)).LastName);
    }

    [Fact]
    public async Task WritesWithoutIfMatchOrWithStar_GoThrough()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Loose" });
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "One" })).EnsureSuccessAsync();
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "Two" }, "*")).EnsureSuccessAsync();
        Assert.Equal(3, (await admin.GetContactAsync(contact.Id)).Version);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.SendAsync(Delete(contact.Id, "*"))).StatusCode);

        var other = await admin.CreateContactAsync(new { lastName = "Loose" });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.SendAsync(Delete(other.Id, null))).StatusCode);
    }

    [Fact]
    public async Task DeleteWithStaleIfMatch_Returns412AndKeepsTheRecord_CurrentOneDeletes()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Survivor" });
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "Edited" })).EnsureSuccessAsync();

        var stale = await admin.Client.SendAsync(Delete(contact.Id, "\"1\""));
        Assert.Contains("version 1", (await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("detail").GetString());
        Assert.Equal("Edited", (await admin.GetContactAsync(contact.Id)).JobTitle);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.SendAsync(Delete(contact.Id, "\"2\""))).StatusCode);
        await (await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ParallelPatches_EachSucceedsOrGets409_NoneIsLost()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Contended" });
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = $"Title {i}" })));

        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var succeeded = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(succeeded >= 1);
        var stored = await admin.GetContactAsync(contact.Id);
        Assert.Equal(1 + succeeded, stored.Version);
        Assert.Equal(1 + succeeded, await HistoryCountAsync(admin, contact.Id));
    }

    [Fact]
    public async Task ParallelRetriesWithOneIdempotencyKey_CreateExactlyOneRecord()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        var marker = "race" + Guid.NewGuid().ToString("N")[..10];
        var json = System.Text.Json.JsonSerializer.Serialize(new { lastName = "Raced", tags = new[] { marker } }, Json.Options);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/contacts") { Content = Json.Raw(json) };
            request.Headers.Add("Idempotency-Key", key);
            return admin.Client.SendAsync(request);
        }));

        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var ids = new HashSet<Guid>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
            ids.Add((await response.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Single(ids);
        var page = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'"))
            .ReadAsync<Rapport.Platform.Api.Listing.Page<ContactResponse>>();
        Assert.Single(page.Data);
    }

    [Fact]
    public async Task ServicePath_StaleExpectedVersion_IsRefusedToo()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Form" });
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "API edit" })).EnsureSuccessAsync();
        // An edit form that loaded version 1 saves after the API changed the record.
        await Assert.ThrowsAsync<Rapport.Platform.Api.PreconditionFailedException>(() => app.WithServicesAsync(sp =>
            sp.GetRequiredService<ContactService>().UpdateAsync(contact.Id, 1, c => c with { JobTitle = "Form edit" }, CancellationToken.None)));
        Assert.Equal("API edit", (await admin.GetContactAsync(contact.Id)).JobTitle);
    }
}

public sealed class ConcurrencyTestsOnSqlite(SqliteApp app) : ConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrencyTestsOnPostgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
