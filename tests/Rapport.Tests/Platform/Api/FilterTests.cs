using System.Net;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>Every operator of the filter language in docs/api.md, on a small set of records of each test's own.</summary>
public abstract class FilterTests(RapportApp app)
{
    private sealed record Crowd(ApiUser Admin, ApiUser Rep, string Marker, Guid CompanyId, Dictionary<string, ContactResponse> ByName);

    private async Task<Crowd> CreateCrowdAsync()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var marker = "f" + Guid.NewGuid().ToString("N")[..12];
        var company = await admin.CreateCompanyAsync(new { name = "Filter Co" });
        var specs = new object[]
        {
            new { firstName = "Ann", lastName = "O'Brien", jobTitle = "Intern", address = new { city = "Berlin" }, lifecycleStage = "mql",
                tags = new[] { marker, "vip" }, emails = new[] { new { address = "ann@alpha.example" } } },
            new { firstName = "Bob", lastName = "Baker", jobTitle = "Engineer", address = new { city = "Paris" }, lifecycleStage = "sql",
                tags = new[] { marker }, emails = new[] { new { address = "bob@beta.example" } }, companyId = (Guid?)company.Id, ownerId = (Guid?)rep.Id },
            new { firstName = "Cleo", lastName = "Carter", jobTitle = (string?)null, address = new { city = "Berlin" }, lifecycleStage = "customer",
                tags = new[] { marker, "vip" }, emails = new[] { new { address = "cleo@gamma.example" } } },
            new { firstName = "Dan", lastName = "Dorsey", jobTitle = "Senior INTERN", address = new { city = (string?)null }, lifecycleStage = "lead",
                tags = new[] { marker }, emails = Array.Empty<object>() },
        };
        var byName = new Dictionary<string, ContactResponse>();
        foreach (var spec in specs)
        {
            var contact = await admin.CreateContactAsync(spec);
            byName[contact.LastName] = contact;
        }
        return new Crowd(admin, rep, marker, company.Id, byName);
    }

    private static async Task<List<string>> MatchAsync(Crowd crowd, string filter)
    {
        var url = $"/api/v1/contacts?limit=200&sort=lastName&filter={Uri.EscapeDataString($"tags has '{crowd.Marker}' and ({filter})")}";
        var response = await crowd.Admin.Client.GetAsync(url);
        await response.EnsureSuccessAsync();
        return (await response.ReadAsync<Page<ContactResponse>>()).Data.Select(c => c.LastName).ToList();
    }

    [Fact]
    public async Task ComparisonOperators_SelectExactlyTheMatchingRecords()
    {
        var crowd = await CreateCrowdAsync();
        Assert.Equal(["O'Brien"], await MatchAsync(crowd, "lastName eq 'O''Brien'"));
        Assert.Equal(["Baker", "Dorsey"], await MatchAsync(crowd, "city ne 'Berlin'"));
        Assert.Equal(["Carter", "Dorsey", "O'Brien"], await MatchAsync(crowd, "lastName gt 'C'"));
        Assert.Equal(["Carter", "Dorsey", "O'Brien"], await MatchAsync(crowd, "lastName ge 'Carter'"));
        Assert.Equal(["Baker"], await MatchAsync(crowd, "lastName lt 'C'"));
        Assert.Equal(["Baker", "Carter"], await MatchAsync(crowd, "lastName le 'Carter'"));
        Assert.Equal(["Dorsey", "O'Brien"], await MatchAsync(crowd, "jobTitle contains 'intern'"));
        Assert.Equal(["Dorsey"], await MatchAsync(crowd, "jobTitle startswith 'sen'"));
        Assert.Equal(["Carter", "O'Brien"], await MatchAsync(crowd, "tags has 'vip'"));
        Assert.Equal(["Baker", "O'Brien"], await MatchAsync(crowd, "lifecycleStage in ('mql', 'sql')"));
        Assert.Equal(["Baker"], await MatchAsync(crowd, "email eq 'bob@beta.example'"));
    }

    [Fact]
    public async Task NullsNotAndOrParentheses_FollowThePrecedenceInTheDocs()
    {
        var crowd = await CreateCrowdAsync();
        Assert.Equal(["Dorsey"], await MatchAsync(crowd, "city eq null"));
        Assert.Equal(["Baker", "Dorsey", "O'Brien"], await MatchAsync(crowd, "jobTitle ne null"));
        Assert.Equal(["Baker", "Carter"], await MatchAsync(crowd, "not (jobTitle contains 'intern')"));
        Assert.Equal(["Carter"], await MatchAsync(crowd, "(city eq 'Berlin' or city eq 'Paris') and lifecycleStage eq 'customer'"));
        // 'and' binds tighter than 'or'.
        Assert.Equal(["Baker", "O'Brien"], await MatchAsync(crowd, "city eq 'Paris' or city eq 'Berlin' and lifecycleStage eq 'mql'"));
        Assert.Equal(["Baker"], await MatchAsync(crowd, "LastName EQ 'Baker' AND City Eq 'Paris'"));
        Assert.Equal(["Baker", "Carter", "Dorsey"], await MatchAsync(crowd, "not lastName eq 'O''Brien'"));
    }

    [Fact]
    public async Task IdsAndDates_FilterByTypedValues()
    {
        var crowd = await CreateCrowdAsync();
        var baker = crowd.ByName["Baker"];
        Assert.Equal(["Baker"], await MatchAsync(crowd, $"companyId eq '{crowd.CompanyId}'"));
        Assert.Equal(["Baker"], await MatchAsync(crowd, $"ownerId eq '{crowd.Rep.Id}'"));
        Assert.Equal(["Baker"], await MatchAsync(crowd, $"id eq '{baker.Id}'"));
        Assert.Equal(["Carter", "Dorsey", "O'Brien"], await MatchAsync(crowd, $"createdById eq '{crowd.Admin.Id}' and id ne '{baker.Id}'"));
        // Records were created in the order O'Brien, Baker, Carter, Dorsey.
        var since = baker.CreatedAt.ToString("O");
        Assert.Equal(["Baker", "Carter", "Dorsey"], await MatchAsync(crowd, $"createdAt ge '{since}'"));
        Assert.Equal(["O'Brien"], await MatchAsync(crowd, $"createdAt lt '{since}'"));
        Assert.Equal(["Baker", "Carter", "Dorsey", "O'Brien"], await MatchAsync(crowd, "createdAt gt '2020-01-01'"));
        Assert.Empty(await MatchAsync(crowd, "updatedAt lt '2020-01-01T00:00:00+02:00'"));
    }

    [Fact]
    public async Task NumbersAndMoney_CompareOnCompanies()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = "n" + Guid.NewGuid().ToString("N")[..12];
        await admin.CreateCompanyAsync(new { name = "Small", employeeCount = 5, tags = new[] { marker } });
        await admin.CreateCompanyAsync(new { name = "Mid", employeeCount = 500, annualRevenue = new { amount = 1000.5m, currency = "EUR" }, tags = new[] { marker } });
        await admin.CreateCompanyAsync(new { name = "Large", employeeCount = 5000, annualRevenue = new { amount = 2500000m, currency = "USD" }, tags = new[] { marker } });
        async Task<List<string>> Names(string filter)
        {
            var url = $"/api/v1/companies?sort=name&filter={Uri.EscapeDataString($"tags has '{marker}' and ({filter})")}";
            return (await (await admin.Client.GetAsync(url)).ReadAsync<Page<CompanyResponse>>()).Data.Select(c => c.Name).ToList();
        }
        Assert.Equal(["Large", "Mid"], await Names("employeeCount ge 500"));
        Assert.Equal(["Large"], await Names("employeeCount gt 500"));
        Assert.Equal(["Mid", "Small"], await Names("employeeCount le 500"));
        Assert.Equal(["Small"], await Names("employeeCount lt 500"));
        Assert.Equal(["Large", "Mid"], await Names("annualRevenue ne null"));
        Assert.Equal(["Large"], await Names("annualRevenue gt 1000.5"));
        Assert.Equal(["Mid"], await Names("annualRevenue eq 1000.5 and currency eq 'EUR'"));
        Assert.Equal(["Mid", "Small"], await Names("employeeCount in (5, 500)"));
    }

    [Theory]
    [InlineData("salary gt 5", "salary")]
    [InlineData("lastName eq 'x' or 1=1", "position")]
    [InlineData("lastName eq 'x'; drop table \"Contacts\"; --", "position")]
    [InlineData("'; drop table \"Contacts\"; --", "position")]
    [InlineData("lastName like 'x%'", "like")]
    [InlineData("lastName eq", "lastName")]
    [InlineData("lastName eq 'unclosed", "not closed")]
    [InlineData("(lastName eq 'x'", "')'")]
    [InlineData("createdAt gt 'yesterday'", "createdAt")]
    [InlineData("ownerId eq 'not-a-guid'", "ownerId")]
    [InlineData("lifecycleStage eq 'prospect'", "lifecycleStage")]
    [InlineData("lifecycleStage gt 'lead'", "lifecycleStage")]
    [InlineData("lastName has 'x'", "has")]
    [InlineData("tags contains 'x'", "contains")]
    [InlineData("createdAt eq null", "never null")]
    public async Task BadFilter_Returns400WithADetailThatSaysWhat(string filter, string mentioned)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var before = await app.CountStoredAsync();
        var response = await admin.Client.GetAsync($"/api/v1/contacts?filter={Uri.EscapeDataString(filter)}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("filter", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(mentioned, detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.CountStoredAsync());
    }

    [Fact]
    public async Task FilterLimits_TooLongTooDeepOrTooManyValues_Are400()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tooLong = "lastName eq '" + new string('x', 2000) + "'";
        var tooDeep = new string('(', 25) + "lastName eq 'x'" + new string(')', 25);
        var tooMany = "lastName in (" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"'{i}'")) + ")";
        foreach (var filter in new[] { tooLong, tooDeep, tooMany })
        {
            var response = await admin.Client.GetAsync($"/api/v1/contacts?filter={Uri.EscapeDataString(filter)}");
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }
    }
}

public sealed class FilterTestsOnSqlite(SqliteApp app) : FilterTests(app), IClassFixture<SqliteApp>;

public sealed class FilterTestsOnPostgres(PostgresApp app) : FilterTests(app), IClassFixture<PostgresApp>;
