using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Tags;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Tags;

public abstract class TagTests(RapportApp app)
{
    private static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static async Task<TagResponse> FindTagAsync(ApiUser user, string name)
    {
        var list = await (await user.Client.GetAsync($"/api/v1/tags?q={Uri.EscapeDataString(name)}")).ReadAsync<TagList>();
        return Assert.Single(list.Data, t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TagUsedOnARecord_JoinsTheCatalogue_AndLaterSpellingsTakeItsSpelling()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = Marker("Vip");
        var first = await admin.CreateContactAsync(new { lastName = "First", tags = new[] { name } });
        var second = await admin.CreateContactAsync(new { lastName = "Second", tags = new[] { name.ToLowerInvariant() } });
        await admin.CreateCompanyAsync(new { name = "Tagged " + name, tags = new[] { name.ToUpperInvariant() } });

        var tag = await FindTagAsync(admin, name);

        Assert.Equal([name], first.Tags);
        Assert.Equal([name], second.Tags);
        Assert.Equal(name, tag.Name);
        Assert.Matches("^#[0-9a-f]{6}$", tag.Color);
        Assert.Equal(2, tag.Usage["contacts"]);
        Assert.Equal(1, tag.Usage["companies"]);
        var filtered = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{name}'")).ReadJsonAsync();
        Assert.Equal(2, filtered.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Autocomplete_GivesTagsStartingWithWhatWasTyped_IgnoringCase()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var stem = Marker("auto");
        await admin.CreateContactAsync(new { lastName = "A", tags = new[] { stem + "-one", stem + "-two", "x" + stem } });

        var list = await (await admin.Client.GetAsync($"/api/v1/tags?q={stem.ToUpperInvariant()}")).ReadAsync<TagList>();

        Assert.Equal([stem + "-one", stem + "-two"], list.Data.Select(t => t.Name));
    }

    [Fact]
    public async Task UsageCounts_AreOnlyOfRecordsTheCallerCanRead()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var name = Marker("count");
        await admin.CreateContactAsync(new { lastName = "Mine", ownerId = rep.Id, tags = new[] { name } });
        await admin.CreateContactAsync(new { lastName = "NotMine", tags = new[] { name } });

        Assert.Equal(1, (await FindTagAsync(rep, name)).Usage["contacts"]);
        Assert.Equal(2, (await FindTagAsync(admin, name)).Usage["contacts"]);
    }

    [Fact]
    public async Task Rename_RewritesEveryRecord_AndRecolours()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var name = Marker("old");
        var renamed = Marker("new");
        var contact = await admin.CreateContactAsync(new { lastName = "Renamed", ownerId = rep.Id, tags = new[] { "keep", name } });
        var company = await admin.CreateCompanyAsync(new { name = "Renamed Co " + name, tags = new[] { name } });
        var tag = await FindTagAsync(admin, name);

        var response = await admin.Client.PatchJsonAsync($"/api/v1/tags/{tag.Id}", new { name = renamed, color = "#112233" }, $"\"{tag.Version}\"");

        await response.EnsureSuccessAsync();
        var updated = await response.ReadAsync<TagResponse>();
        Assert.Equal(renamed, updated.Name);
        Assert.Equal("#112233", updated.Color);
        Assert.Equal(["keep", renamed], (await admin.GetContactAsync(contact.Id)).Tags);
        Assert.Equal([renamed], (await admin.GetCompanyAsync(company.Id)).Tags);
        Assert.Equal(contact.Version + 1, (await admin.GetContactAsync(contact.Id)).Version);
        var history = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}/history")).ReadJsonAsync();
        Assert.Contains(renamed, history.GetRawText());
    }

    [Fact]
    public async Task Delete_RemovesTheTagFromEveryRecord()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = Marker("gone");
        var contact = await admin.CreateContactAsync(new { lastName = "Untagged", tags = new[] { name, "stays" } });
        var tag = await FindTagAsync(admin, name);

        var response = await admin.Client.DeleteAsync($"/api/v1/tags/{tag.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["stays"], (await admin.GetContactAsync(contact.Id)).Tags);
        await (await admin.Client.GetAsync($"/api/v1/tags/{tag.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CatalogueChanges_AreRefused_WithProblems()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var readOnlyKey = await app.CreateUserAsync(Roles.Admin, ApiKeyScope.Read);
        var name = Marker("rule");
        var other = Marker("other");
        await admin.CreateContactAsync(new { lastName = "Rules", tags = new[] { name, other } });
        var tag = await FindTagAsync(admin, name);

        var badColor = await (await admin.Client.PatchJsonAsync($"/api/v1/tags/{tag.Id}", new { color = "red" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badColor.GetProperty("errors").TryGetProperty("color", out _));
        await (await admin.Client.PatchJsonAsync($"/api/v1/tags/{tag.Id}", new { name = other.ToUpperInvariant() })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.Client.PatchJsonAsync($"/api/v1/tags/{tag.Id}", new { name = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync("/api/v1/tags", new { name })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.Client.PatchJsonAsync($"/api/v1/tags/{tag.Id}", new { color = "#000000" }, "\"99\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await rep.Client.PatchJsonAsync($"/api/v1/tags/{tag.Id}", new { color = "#000000" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.Client.DeleteAsync($"/api/v1/tags/{tag.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await readOnlyKey.Client.PatchJsonAsync($"/api/v1/tags/{tag.Id}", new { color = "#000000" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(tag.Color, (await FindTagAsync(admin, name)).Color);
    }

    [Fact]
    public async Task CreateTag_WithAColour_IsListedBeforeUse()
    {
        var admin = await app.CreateUserAsync(Roles.Manager);
        var name = Marker("Fresh");

        var response = await admin.Client.PostJsonAsync("/api/v1/tags", new { name, color = "#ABCDEF" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tag = await FindTagAsync(admin, name);
        Assert.Equal("#abcdef", tag.Color);
        Assert.Equal(0, tag.Usage["contacts"]);
        var contact = await admin.CreateContactAsync(new { lastName = "Uses", tags = new[] { name.ToLowerInvariant() } });
        Assert.Equal([name], contact.Tags);
    }

    [Fact]
    public async Task BulkTagging_AddsAndRemoves_OnManyContactsInOneGo()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var add = Marker("add");
        var drop = Marker("drop");
        var a = await admin.CreateContactAsync(new { lastName = "A", tags = new[] { drop } });
        var b = await admin.CreateContactAsync(new { lastName = "B", tags = new[] { add } });

        var response = await admin.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = new[] { a.Id, b.Id }, add = new[] { add }, remove = new[] { drop.ToUpperInvariant() } });

        await response.EnsureSuccessAsync();
        var result = await response.ReadAsync<BulkTagResponse>();
        Assert.Equal([a.Id], result.Updated);
        Assert.Equal([b.Id], result.Unchanged);
        Assert.Empty(result.Skipped);
        Assert.Equal([add], (await admin.GetContactAsync(a.Id)).Tags);
        Assert.Equal(2, (await FindTagAsync(admin, add)).Usage["contacts"]);
    }

    [Fact]
    public async Task BulkTagging_BySalesRep_ChangesOnlyTheirOwnRecords_AndSkipsOthersAsNotFound()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var tag = Marker("rep");
        var mine = await admin.CreateContactAsync(new { lastName = "Mine", ownerId = rep.Id });
        var theirs = await admin.CreateContactAsync(new { lastName = "Theirs" });
        var missing = Guid.NewGuid();

        var result = await (await rep.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = new[] { mine.Id, theirs.Id, missing }, add = new[] { tag } }))
            .ReadAsync<BulkTagResponse>();

        Assert.Equal([mine.Id], result.Updated);
        Assert.Equal([theirs.Id, missing], result.Skipped.Select(s => s.Id));
        Assert.All(result.Skipped, s => Assert.Equal("notFound", s.Reason));
        Assert.Equal([tag], (await admin.GetContactAsync(mine.Id)).Tags);
        var untouched = await admin.GetContactAsync(theirs.Id);
        Assert.Empty(untouched.Tags);
        Assert.Equal(theirs.Version, untouched.Version);
    }

    [Fact]
    public async Task BulkTagging_OnCompanies_Works()
    {
        var admin = await app.CreateUserAsync(Roles.Marketing);
        var tag = Marker("co");
        var company = await admin.CreateCompanyAsync(new { name = "Bulk " + tag });

        var result = await (await admin.Client.PostJsonAsync("/api/v1/companies/tags", new { ids = new[] { company.Id }, add = new[] { tag } }))
            .ReadAsync<BulkTagResponse>();

        Assert.Equal([company.Id], result.Updated);
        Assert.Equal([tag], (await admin.GetCompanyAsync(company.Id)).Tags);
    }

    [Fact]
    public async Task BulkTagging_RefusesBadRequests_AndReadOnlyCallers()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        var contact = await admin.CreateContactAsync(new { lastName = "Bulk" });
        var many = Enumerable.Range(0, BulkTagRequest.MaxIds + 1).Select(_ => Guid.NewGuid()).ToArray();

        var tooMany = await (await admin.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = many, add = new[] { "x" } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("ids", out _));
        await (await admin.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = new[] { contact.Id } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = new[] { contact.Id }, add = new[] { "a" }, remove = new[] { "A" } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = new[] { contact.Id }, add = new[] { new string('x', 51) } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostAsync("/api/v1/contacts/tags", Json.Raw("{\"ids\":[],\"nope\":1}"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await viewer.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = new[] { contact.Id }, add = new[] { "x" } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await admin.GetContactAsync(contact.Id)).Tags);
    }

    [Fact]
    public async Task BulkTagging_SkipsARecordThatWouldHoldTooManyTags()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var full = await admin.CreateContactAsync(new { lastName = "Full", tags = Enumerable.Range(0, TagNames.MaxCount).Select(i => $"t{i}").ToArray() });

        var result = await (await admin.Client.PostJsonAsync("/api/v1/contacts/tags", new { ids = new[] { full.Id }, add = new[] { Marker("one") } }))
            .ReadAsync<BulkTagResponse>();

        Assert.Equal("tooManyTags", Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public async Task TagsFoundOnRecordsButNotInTheCatalogue_JoinItWhenListed()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = Marker("legacy");
        var contact = await admin.CreateContactAsync(new { lastName = "Legacy" });
        // As the bulk import writes them: straight to the table, past the interceptor.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            app.Provider == Rapport.Platform.Data.DatabaseProvider.Postgres
                ? $"UPDATE \"Contacts\" SET \"Tags\" = ARRAY['{name}'] WHERE \"Id\" = '{contact.Id}'"
                : $"UPDATE \"Contacts\" SET \"Tags\" = '[\"{name}\"]' WHERE \"Id\" = '{contact.Id.ToString().ToUpperInvariant()}'"));

        var before = await (await admin.Client.GetAsync($"/api/v1/tags?q={name}")).ReadAsync<TagList>();
        await (await admin.Client.GetAsync("/api/v1/tags?limit=1")).EnsureSuccessAsync();
        var tag = await FindTagAsync(admin, name);

        Assert.Empty(before.Data);
        Assert.Equal(1, tag.Usage["contacts"]);
    }
}

public sealed class TagTestsOnSqlite(SqliteApp app) : TagTests(app), IClassFixture<SqliteApp>;

public sealed class TagTestsOnPostgres(PostgresApp app) : TagTests(app), IClassFixture<PostgresApp>;
