using System.Net;
using System.Text.Json;
using Rapport.Contacts.Companies;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Contacts;

public abstract class CompanyApiTests(RapportApp app)
{
    [Fact]
    public async Task CreateCompany_ThenGet_ReturnsItWithETag()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var created = await admin.Client.PostJsonAsync("/api/v1/companies", new
        {
            name = "Globex Corporation",
            domain = "Globex.example",
            industry = "Manufacturing",
            employeeCount = 1200,
            annualRevenue = new { amount = 1234567.89m, currency = "EUR" },
            address = new { city = "Springfield", country = "USA" },
            tags = new[] { "vip", " VIP ", "partner" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var company = await created.ReadAsync<CompanyResponse>();
        Assert.Equal($"/api/v1/companies/{company.Id}", created.Headers.Location?.ToString());
        Assert.Equal("globex.example", company.Domain);
        Assert.Equal(["vip", "partner"], company.Tags);
        Assert.Equal(admin.Id, company.OwnerId);

        var fetched = await admin.Client.GetAsync($"/api/v1/companies/{company.Id}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("\"1\"", fetched.Headers.ETag?.Tag);
        var body = await fetched.ReadAsync<CompanyResponse>();
        Assert.Equal(1234567.89m, body.AnnualRevenue!.Amount);
        Assert.Equal("EUR", body.AnnualRevenue.Currency);
        Assert.Equal("Springfield", body.Address.City);
    }

    [Fact]
    public async Task CreateCompany_ResponseIsExactlyWhatGetReturnsLater_MoneyIncluded()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var created = await admin.Client.PostJsonAsync("/api/v1/companies",
            new { name = "Scale Ltd", annualRevenue = new { amount = 1000.50m, currency = "EUR" }, phone = "+49 30 1234" });
        var json = await created.Content.ReadAsStringAsync();
        Assert.Contains("\"amount\":1000.5,", json);
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(json, await (await admin.Client.GetAsync($"/api/v1/companies/{id}")).Content.ReadAsStringAsync());
        var patched = await admin.Client.PatchJsonAsync($"/api/v1/companies/{id}", new { industry = "Finance" });
        Assert.Equal(await patched.Content.ReadAsStringAsync(), await (await admin.Client.GetAsync($"/api/v1/companies/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PatchCompany_WithStaleETag_Returns412AndChangesNothing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await (await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Initech" })).ReadAsync<CompanyResponse>();

        var first = await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}", new { industry = "Software" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.Tag);

        var stale = await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}", new { industry = "Banking" }, "\"1\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await (await admin.Client.GetAsync($"/api/v1/companies/{company.Id}")).ReadAsync<CompanyResponse>();
        Assert.Equal("Software", current.Industry);
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task PatchCompany_MergePatchNull_RemovesOnlyThatField()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await (await admin.Client.PostJsonAsync("/api/v1/companies",
            new { name = "Hooli", domain = "hooli.example", industry = "Software" })).ReadAsync<CompanyResponse>();
        var patched = await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}",
            new Dictionary<string, object?> { ["domain"] = null });
        var body = await patched.ReadAsync<CompanyResponse>();
        Assert.Null(body.Domain);
        Assert.Equal("Software", body.Industry);
        Assert.Equal("Hooli", body.Name);
    }

    [Fact]
    public async Task History_RecordsWhoChangedWhatFromOldToNew()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await (await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Vandelay Industries" })).ReadAsync<CompanyResponse>();
        await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}", new { name = "Vandelay Imports" });

        var history = await (await admin.Client.GetAsync($"/api/v1/companies/{company.Id}/history")).ReadAsync<List<HistoryEntry>>();
        Assert.Equal(["updated", "created"], history.Select(h => h.Action));
        var rename = Assert.Single(history[0].Changes);
        Assert.Equal(new FieldChange("name", "Vandelay Industries", "Vandelay Imports"), rename);
        Assert.Equal(admin.Id, history[0].ActorId);
        Assert.Equal("api", history[0].Via);
    }

    [Fact]
    public async Task ListCompanies_FilterSortAndKeysetPaging_WalkEveryMatchOnce()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = $"paging{Guid.NewGuid():N}"[..16];
        for (var i = 0; i < 7; i++)
        {
            await admin.Client.PostJsonAsync("/api/v1/companies",
                new { name = $"Company {(char)('A' + (i * 3 % 7))}", employeeCount = i % 2 == 0 ? (int?)i * 10 : null, tags = new[] { marker } });
        }
        var seen = new List<CompanyResponse>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/companies?filter=tags has '{marker}'&sort=-employeeCount,name&limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await admin.Client.GetAsync(url)).ReadAsync<Page<CompanyResponse>>();
            seen.AddRange(page.Data);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Select(c => c.Id).Distinct().Count());
        // Descending by employee count with nulls last, then by name.
        Assert.Equal([60, 40, 20, 0, null, null, null], seen.Select(c => c.EmployeeCount));
        var nullNames = seen.Where(c => c.EmployeeCount is null).Select(c => c.Name).ToList();
        Assert.Equal(nullNames.Order(StringComparer.OrdinalIgnoreCase), nullNames);
    }

    [Fact]
    public async Task ListCompanies_FullTextSearch_FindsByNamePrefix()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = "Zyx" + Guid.NewGuid().ToString("N")[..6];
        await admin.Client.PostJsonAsync("/api/v1/companies", new { name = $"{word} Robotics" });
        await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Unrelated Bakery" });
        var page = await (await admin.Client.GetAsync($"/api/v1/companies?q={word[..7].ToLowerInvariant()}")).ReadAsync<Page<CompanyResponse>>();
        var hit = Assert.Single(page.Data);
        Assert.Equal($"{word} Robotics", hit.Name);
    }

    [Theory]
    [InlineData("filter=nosuchfield eq 'x'")]
    [InlineData("filter=name eq 'x'; DROP TABLE \"Companies\"; --")]
    [InlineData("filter=employeeCount eq 'many'")]
    [InlineData("filter=(name eq 'x'")]
    [InlineData("sort=password")]
    [InlineData("limit=0")]
    [InlineData("limit=abc")]
    [InlineData("cursor=not-a-real-cursor")]
    public async Task ListCompanies_BadQuery_Returns400Problem(string query)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.GetAsync($"/api/v1/companies?{query}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        var stillThere = await admin.Client.GetAsync("/api/v1/companies?limit=1");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task CreateCompany_UnknownMemberOrWrongType_Returns400NamingIt()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var unknown = await admin.Client.PostAsync("/api/v1/companies", Json.Raw("""{"name":"X","nmae":"typo"}"""));
        var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nmae", problem.GetProperty("detail").GetString());

        var wrongType = await admin.Client.PostAsync("/api/v1/companies", Json.Raw("""{"name":"X","employeeCount":"lots"}"""));
        problem = await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("employeeCount", problem.GetProperty("detail").GetString());

        var malformed = await admin.Client.PostAsync("/api/v1/companies", Json.Raw("""{"name": """));
        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateCompany_InvalidFields_Returns400WithFieldErrors()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.PostJsonAsync("/api/v1/companies", new
        {
            name = new string('x', 201),
            domain = "not a domain",
            annualRevenue = new { amount = -5, currency = "euro" },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("domain", out _));
        Assert.True(errors.TryGetProperty("annualRevenue.amount", out _));
        Assert.True(errors.TryGetProperty("annualRevenue.currency", out _));
    }

    [Fact]
    public async Task IdempotencyKey_SameRequestReplays_DifferentRequestIs422()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Post(string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/companies")
            {
                Content = Json.Raw(JsonSerializer.Serialize(new { name }, Json.Options)),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.Client.SendAsync(request);
        }
        var first = await Post("Idempotent Ltd");
        var again = await Post("Idempotent Ltd");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await first.ReadAsync<CompanyResponse>()).Id, (await again.ReadAsync<CompanyResponse>()).Id);
        await (await Post("Something Else")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var page = await (await admin.Client.GetAsync("/api/v1/companies?filter=name eq 'Idempotent Ltd'")).ReadAsync<Page<CompanyResponse>>();
        Assert.Single(page.Data);
    }

    [Fact]
    public async Task SalesRep_SeesOnlyOwnCompanies_AndOthersAre404()
    {
        var manager = await app.CreateUserAsync(Roles.Manager);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var theirs = await (await manager.Client.PostJsonAsync("/api/v1/companies", new { name = "Manager Owned" })).ReadAsync<CompanyResponse>();
        var mine = await (await rep.Client.PostJsonAsync("/api/v1/companies", new { name = "Rep Owned" })).ReadAsync<CompanyResponse>();

        Assert.Equal(HttpStatusCode.OK, (await rep.Client.GetAsync($"/api/v1/companies/{mine.Id}")).StatusCode);
        await (await rep.Client.GetAsync($"/api/v1/companies/{theirs.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.PatchJsonAsync($"/api/v1/companies/{theirs.Id}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.DeleteAsync($"/api/v1/companies/{theirs.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await rep.Client.GetAsync("/api/v1/companies?limit=200")).ReadAsync<Page<CompanyResponse>>();
        Assert.All(list.Data, c => Assert.Equal(rep.Id, c.OwnerId));
        var unchanged = await (await manager.Client.GetAsync($"/api/v1/companies/{theirs.Id}")).ReadAsync<CompanyResponse>();
        Assert.Equal("Manager Owned", unchanged.Name);
    }

    [Fact]
    public async Task ReadOnlyKeyAndRole_CannotWrite()
    {
        var admin = await app.CreateUserAsync(Roles.Admin, "read");
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        await (await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Nope" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.PostJsonAsync("/api/v1/companies", new { name = "Nope" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientWithKey(null).GetAsync("/api/v1/companies")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.ClientWithKey("rpk_revoked_or_made_up").GetAsync("/api/v1/companies")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeleteCompany_RemovesIt_AndKeepsItsContactsUnlinked()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await (await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Short Lived" })).ReadAsync<CompanyResponse>();
        var contact = await (await admin.Client.PostJsonAsync("/api/v1/contacts", new { firstName = "Ada", lastName = "Left", companyId = company.Id })).ReadJsonAsync();
        var contactId = contact.GetProperty("id").GetGuid();
        await (await admin.Client.DeleteAsync($"/api/v1/companies/{company.Id}")).EnsureSuccessAsync();
        await (await admin.Client.GetAsync($"/api/v1/companies/{company.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var orphan = await (await admin.Client.GetAsync($"/api/v1/contacts/{contactId}")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, orphan.GetProperty("company").ValueKind);
    }
}

public sealed class CompanyApiTestsOnSqlite(SqliteApp app) : CompanyApiTests(app), IClassFixture<SqliteApp>;

public sealed class CompanyApiTestsOnPostgres(PostgresApp app) : CompanyApiTests(app), IClassFixture<PostgresApp>;
