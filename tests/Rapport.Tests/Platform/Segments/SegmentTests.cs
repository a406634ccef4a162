using System.Net;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Segments;
using Rapport.Tests.Import;
using Rapport.Tests.Platform.CustomFields;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Segments;

public abstract class SegmentTests(RapportApp app)
{
    private static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static async Task<SegmentResponse> CreateSegmentAsync(ApiUser user, object body)
    {
        var response = await user.Client.PostJsonAsync("/api/v1/segments", body);
        await response.EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<SegmentResponse>();
    }

    private static async Task<List<string>> MemberLastNamesAsync(ApiUser user, Guid segmentId, string query = "")
    {
        var page = await (await user.Client.GetAsync($"/api/v1/segments/{segmentId}/members{query}")).ReadJsonAsync();
        return page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("lastName").GetString()!).ToList();
    }

    [Fact]
    public async Task DynamicSegment_HoldsWhatItsFilterMatches_NowAndLater()
    {
        var admin = await app.CreateUserAsync(Roles.Marketing);
        var tag = Marker("dyn");
        await admin.CreateContactAsync(new { lastName = "Alpha", lifecycleStage = "customer", tags = new[] { tag } });
        await admin.CreateContactAsync(new { lastName = "Beta", lifecycleStage = "lead", tags = new[] { tag } });
        await admin.CreateContactAsync(new { lastName = "Gamma", lifecycleStage = "customer" });

        var segment = await CreateSegmentAsync(admin, new { name = "Customers " + tag, filter = $"tags has '{tag}' and (lifecycleStage eq 'customer' or lastName eq 'Nobody')" });
        await admin.CreateContactAsync(new { lastName = "Delta", lifecycleStage = "customer", tags = new[] { tag } });

        Assert.Equal(SegmentKind.Dynamic, segment.Kind);
        Assert.Equal("contacts", segment.ObjectType);
        Assert.Equal(1, segment.MemberCount);
        Assert.Equal(["Alpha", "Delta"], await MemberLastNamesAsync(admin, segment.Id));
        Assert.Equal(2, (await (await admin.Client.GetAsync($"/api/v1/segments/{segment.Id}")).ReadAsync<SegmentResponse>()).MemberCount);
        var first = await (await admin.Client.GetAsync($"/api/v1/segments/{segment.Id}/members?limit=1&sort=-lastName")).ReadJsonAsync();
        Assert.Equal("Delta", first.GetProperty("data")[0].GetProperty("lastName").GetString());
        var cursor = first.GetProperty("nextCursor").GetString()!;
        Assert.Equal(["Alpha"], await MemberLastNamesAsync(admin, segment.Id, $"?limit=1&sort=-lastName&cursor={Uri.EscapeDataString(cursor)}"));
    }

    [Fact]
    public async Task DynamicSegment_CanFilterByCustomFields_AndItsExportCarriesThem()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tier = CustomFieldClient.UniqueName("tier");
        var seats = CustomFieldClient.UniqueName("seats");
        await admin.DefineAsync(new { @object = "contact", name = tier, label = "Tier " + tier, type = "select", options = new[] { "gold", "silver" } });
        await admin.DefineAsync(new { @object = "contact", name = seats, label = "Seats " + seats, type = "number" });
        await admin.CreateContactAsync(new { lastName = "Goldbig", customFields = new Dictionary<string, object> { [tier] = "gold", [seats] = 120 } });
        await admin.CreateContactAsync(new { lastName = "Goldsmall", customFields = new Dictionary<string, object> { [tier] = "gold", [seats] = 5 } });
        await admin.CreateContactAsync(new { lastName = "Silverbig", customFields = new Dictionary<string, object> { [tier] = "silver", [seats] = 500 } });

        var segment = await CreateSegmentAsync(admin, new { name = "Big gold", filter = $"customFields.{tier} eq 'gold' and (customFields.{seats} ge 100 or lastName eq 'Nobody')" });

        Assert.Equal(1, segment.MemberCount);
        Assert.Equal(["Goldbig"], await MemberLastNamesAsync(admin, segment.Id));
        var csv = ExportFiles.ReadCsv(await admin.Client.GetByteArrayAsync($"/api/v1/segments/{segment.Id}/members/export.csv"));
        Assert.Equal("gold", Assert.Single(csv)["Tier " + tier]);
        var unknown = await (await admin.Client.PostJsonAsync("/api/v1/segments", new { name = "Bad", filter = "customFields.nosuchfield eq 'x'" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nosuchfield", unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DynamicSegment_WithSearchText_UsesTheListSearch()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = "Zorblat" + Guid.NewGuid().ToString("N")[..6];
        await admin.CreateContactAsync(new { lastName = word });
        await admin.CreateContactAsync(new { lastName = "Other" + word[..3] });

        var segment = await CreateSegmentAsync(admin, new { name = "Search", q = word });

        Assert.Equal(1, segment.MemberCount);
    }

    [Fact]
    public async Task SharedSegment_ShowsEachUserOnlyTheMembersTheyCanRead()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var tag = Marker("shared");
        await admin.CreateContactAsync(new { lastName = "RepOwns", ownerId = rep.Id, tags = new[] { tag } });
        await admin.CreateContactAsync(new { lastName = "AdminOwns", tags = new[] { tag } });
        var segment = await CreateSegmentAsync(admin, new { name = "Shared " + tag, filter = $"tags has '{tag}'", shared = true });

        var asRep = await (await rep.Client.GetAsync($"/api/v1/segments/{segment.Id}")).ReadAsync<SegmentResponse>();
        var repList = await (await rep.Client.GetAsync("/api/v1/segments")).ReadAsync<SegmentList>();

        Assert.Equal(2, segment.MemberCount);
        Assert.Equal(1, asRep.MemberCount);
        Assert.Equal(1, Assert.Single(repList.Data, s => s.Id == segment.Id).MemberCount);
        Assert.Equal(["RepOwns"], await MemberLastNamesAsync(rep, segment.Id));
        var csv = ExportFiles.ReadCsv(await rep.Client.GetByteArrayAsync($"/api/v1/segments/{segment.Id}/members/export.csv"));
        Assert.Equal(["RepOwns"], csv.Select(r => r["Last name"]));
    }

    [Fact]
    public async Task PrivateSegment_IsNotFoundForOthers_AndSharedOneIsReadOnlyForThem()
    {
        var owner = await app.CreateUserAsync(Roles.Marketing);
        var other = await app.CreateUserAsync(Roles.Marketing);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var mine = await CreateSegmentAsync(owner, new { name = "Private", filter = "lastName eq 'x'" });
        var shared = await CreateSegmentAsync(owner, new { name = "Shared", filter = "lastName eq 'x'", shared = true });

        await (await other.Client.GetAsync($"/api/v1/segments/{mine.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync($"/api/v1/segments/{mine.Id}/members")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await other.Client.GetAsync("/api/v1/segments")).ReadAsync<SegmentList>()).Data, s => s.Id == mine.Id);
        await (await other.Client.PatchJsonAsync($"/api/v1/segments/{shared.Id}", new { name = "Mine now" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.Client.DeleteAsync($"/api/v1/segments/{shared.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/v1/segments/{mine.Id}")).StatusCode);
        var renamed = await owner.Client.PatchJsonAsync($"/api/v1/segments/{shared.Id}", new { name = "Renamed", filter = "lastName eq 'y'" }, $"\"{shared.Version}\"");
        await renamed.EnsureSuccessAsync();
        Assert.Equal("lastName eq 'y'", (await renamed.ReadAsync<SegmentResponse>()).Filter);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/v1/segments/{shared.Id}")).StatusCode);
        await (await owner.Client.GetAsync($"/api/v1/segments/{shared.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadSegments_AreProblemsNamingWhatIsWrong()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        var readKey = await app.CreateUserAsync(Roles.Admin, ApiKeyScope.Read);

        var unknownField = await (await admin.Client.PostJsonAsync("/api/v1/segments", new { name = "Bad", filter = "salary gt 5" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("unknown filter field 'salary'", unknownField.GetProperty("detail").GetString());
        var syntax = await (await admin.Client.PostJsonAsync("/api/v1/segments", new { name = "Bad", filter = "lastName eq" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("filter:", syntax.GetProperty("detail").GetString());
        await (await admin.Client.PostJsonAsync("/api/v1/segments", new { name = "Bad", objectType = "deals" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync("/api/v1/segments", new { name = "Bad", kind = "static", filter = "lastName eq 'x'" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync("/api/v1/segments", new { filter = "lastName eq 'x'" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync("/api/v1/segments", new { name = "Bad", kind = "sometimes" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync("/api/v1/segments", new { name = "Bad", q = new string('q', 201) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await viewer.Client.PostJsonAsync("/api/v1/segments", new { name = "Viewer" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await readKey.Client.PostJsonAsync("/api/v1/segments", new { name = "Read key" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var segment = await CreateSegmentAsync(admin, new { name = "Kind fixed" });
        await (await admin.Client.PatchJsonAsync($"/api/v1/segments/{segment.Id}", new { kind = "static" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PatchJsonAsync($"/api/v1/segments/{segment.Id}", new { filter = "nope eq 1" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.GetAsync($"/api/v1/segments/{segment.Id}/members?sort=nosuch")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StaticSegment_HoldsTheRecordsAdded_AndOnlyReadableOnes()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var mine = await admin.CreateContactAsync(new { lastName = "RepA", ownerId = rep.Id });
        var mine2 = await admin.CreateContactAsync(new { lastName = "RepB", ownerId = rep.Id });
        var theirs = await admin.CreateContactAsync(new { lastName = "AdminC" });
        var list = await CreateSegmentAsync(rep, new { name = "My list", kind = "static" });

        var added = await (await rep.Client.PostJsonAsync($"/api/v1/segments/{list.Id}/members", new { ids = new[] { mine.Id, mine2.Id, theirs.Id, mine.Id } }))
            .ReadAsync<SegmentMembersResponse>();
        var again = await (await rep.Client.PostJsonAsync($"/api/v1/segments/{list.Id}/members", new { ids = new[] { mine.Id } }))
            .ReadAsync<SegmentMembersResponse>();

        Assert.Equal(0, list.MemberCount);
        Assert.Equal(2, added.Added);
        Assert.Equal([theirs.Id], added.Skipped);
        Assert.Equal(2, added.MemberCount);
        Assert.Equal(0, again.Added);
        Assert.Equal(["RepA", "RepB"], await MemberLastNamesAsync(rep, list.Id));

        var removed = await rep.Client.DeleteAsync($"/api/v1/segments/{list.Id}/members/{mine.Id}");
        Assert.Equal(1, (await removed.ReadAsync<SegmentMembersResponse>()).Removed);
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/segments/{list.Id}/members") { Content = Json.Raw($"{{\"ids\":[\"{mine2.Id}\"]}}") };
        Assert.Equal(0, (await (await rep.Client.SendAsync(request)).ReadAsync<SegmentMembersResponse>()).MemberCount);
    }

    [Fact]
    public async Task StaticSegment_SharedWithAnAdmin_ShowsMembersThroughTheirOwnScope()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var adminOnly = await admin.CreateContactAsync(new { lastName = "AdminOnly" });
        var repOwned = await admin.CreateContactAsync(new { lastName = "RepOwned", ownerId = rep.Id });
        var list = await CreateSegmentAsync(admin, new { name = "Mixed", kind = "static", shared = true });
        await (await admin.Client.PostJsonAsync($"/api/v1/segments/{list.Id}/members", new { ids = new[] { adminOnly.Id, repOwned.Id } })).EnsureSuccessAsync();

        Assert.Equal(["AdminOnly", "RepOwned"], await MemberLastNamesAsync(admin, list.Id));
        Assert.Equal(["RepOwned"], await MemberLastNamesAsync(rep, list.Id));
        await (await rep.Client.PostJsonAsync($"/api/v1/segments/{list.Id}/members", new { ids = new[] { repOwned.Id } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/v1/contacts/{adminOnly.Id}")).StatusCode);
        Assert.Equal(1, (await (await admin.Client.GetAsync($"/api/v1/segments/{list.Id}")).ReadAsync<SegmentResponse>()).MemberCount);
    }

    [Fact]
    public async Task MembersOfADynamicSegment_CannotBeAddedByHand()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { lastName = "Hand" });
        var segment = await CreateSegmentAsync(admin, new { name = "Dynamic" });

        await (await admin.Client.PostJsonAsync($"/api/v1/segments/{segment.Id}/members", new { ids = new[] { contact.Id } })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.Client.PostJsonAsync($"/api/v1/segments/{segment.Id}/members", new { ids = Array.Empty<Guid>() })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ExportCsv_HoldsTheMembersWithTheContactColumns()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("csv");
        await admin.CreateContactAsync(new { firstName = "=cmd", lastName = "Zulu", tags = new[] { tag } });
        await admin.CreateContactAsync(new { firstName = "Ann", lastName = "Able", tags = new[] { tag } });
        var segment = await CreateSegmentAsync(admin, new { name = "Export", filter = $"tags has '{tag}'" });

        var response = await admin.Client.GetAsync($"/api/v1/segments/{segment.Id}/members/export.csv?sort=-lastName");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Zulu", "Able"], rows.Select(r => r["Last name"]));
        Assert.Equal("'=cmd", rows[0]["First name"]);
        await (await admin.Client.GetAsync($"/api/v1/segments/{segment.Id}/members/export.csv?sort=nosuch")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var browser = await app.SignInAsync(admin.Email, "a long enough test password");
        var ui = await browser.GetAsync($"/export/segments/{segment.Id}/members/export.csv");
        Assert.Equal(["Able", "Zulu"], ExportFiles.ReadCsv(await ui.Content.ReadAsByteArrayAsync()).Select(r => r["Last name"]));
    }

    [Fact]
    public async Task CompanySegment_FiltersCompanies()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var industry = Marker("ind");
        await admin.CreateCompanyAsync(new { name = "Big " + industry, industry, employeeCount = 900 });
        await admin.CreateCompanyAsync(new { name = "Small " + industry, industry, employeeCount = 9 });

        var segment = await CreateSegmentAsync(admin, new { name = "Big ones", objectType = "companies", filter = $"industry eq '{industry}' and employeeCount ge 500" });
        var page = await (await admin.Client.GetAsync($"/api/v1/segments/{segment.Id}/members")).ReadJsonAsync();

        Assert.Equal(1, segment.MemberCount);
        Assert.Equal("Big " + industry, page.GetProperty("data")[0].GetProperty("name").GetString());
    }
}

public sealed class SegmentTestsOnSqlite(SqliteApp app) : SegmentTests(app), IClassFixture<SqliteApp>;

public sealed class SegmentTestsOnPostgres(PostgresApp app) : SegmentTests(app), IClassFixture<PostgresApp>;
