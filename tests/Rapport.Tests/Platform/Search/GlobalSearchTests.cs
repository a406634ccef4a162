using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Import;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Platform.Search.Global;
using Rapport.Tests.Activities;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Search;

public abstract class GlobalSearchTests(RapportApp app)
{
    /// <summary>A made-up word of letters only, so each test finds only its own records in the shared database.</summary>
    private static string Word() => "q" + new string(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + c % 26)).ToArray());

    private static async Task<SearchResponse> SearchAsync(ApiUser user, string q, int? limit = null)
    {
        var response = await user.Client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{(limit is null ? "" : $"&limit={limit}")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<SearchResponse>();
    }

    private static IReadOnlyList<SearchResult> Group(SearchResponse response, string type) =>
        response.Groups.SingleOrDefault(g => g.Type == type)?.Results ?? [];

    [Fact]
    public async Task Search_FindsCompaniesContactsAndActivities_GroupedByTypeWithLinks()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var byName = await admin.CreateCompanyAsync($"{word} Industries");
        var byDomain = await (await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Plain Name Ltd", domain = $"{word}.example" }))
            .ReadJsonAsync();
        var contact = await admin.CreateContactAsync("Lovelace", email: $"ada@{word}.example");
        var activity = await admin.CreateActivityAsync(new
        {
            type = "call", subject = $"Pricing call about {word}", links = new[] { ActivityTestData.ContactLink(contact) },
        });

        var found = await SearchAsync(admin, word);

        var companies = Group(found, "company");
        Assert.Equal(
            new[] { byName, byDomain.GetProperty("id").GetGuid() }.Order(),
            companies.Select(r => r.Id).Order());
        Assert.Equal($"/companies/{byName}", companies.Single(r => r.Id == byName).Url);
        var person = Assert.Single(Group(found, "contact"));
        Assert.Equal((contact, "Test Lovelace", $"ada@{word}.example", $"/contacts/{contact}"),
            (person.Id, person.Title, person.Subtitle, person.Url));
        var call = Assert.Single(Group(found, "activity"));
        Assert.Equal((activity.Id, $"/contacts/{contact}"), (call.Id, call.Url));
        Assert.Equal(["activity", "company", "contact"], found.Groups.Select(g => g.Type).Order());
        Assert.Equal(["Activities", "Companies", "Contacts"], found.Groups.Select(g => g.Label).Order());
    }

    [Fact]
    public async Task Search_ShortPrefixAfterAnApostrophe_FindsOnlyTheNamesItStarts()
    {
        // "O'R": on PostgreSQL the "r" is checked on what "o" finds rather than looked up in the index
        // (SearchTerms.ToTsQueries), for contacts and activities alike.
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var rourke = await admin.CreateContactAsync(new { firstName = word, lastName = "O'Rourke" });
        await admin.CreateContactAsync(new { firstName = word, lastName = "O'Keefe" });
        var call = await admin.CreateActivityAsync(new
        {
            type = "call", subject = $"Call {word} O'Rourke", links = new[] { ActivityTestData.ContactLink(rourke.Id) },
        });

        var found = await SearchAsync(admin, $"{word} o'r");

        // On PostgreSQL O'Keefe may follow as a similar name (TypoTolerance), never as a match.
        Assert.Equal([rourke.Id], Group(found, "contact").Where(r => r.Score > SearchRanking.Fuzzy).Select(r => r.Id));
        Assert.Equal([call.Id], Group(found, "activity").Select(r => r.Id));
        // Activities have no typo tolerance, so nothing there may match "x".
        Assert.Empty(Group(await SearchAsync(admin, $"{word} o'x"), "activity"));
    }

    [Fact]
    public async Task Search_RanksExactNameAbovePrefixMatches()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var longer = await admin.CreateCompanyAsync($"{word}ware Holdings");
        var prefix = await admin.CreateCompanyAsync($"{word}co");
        var exact = await admin.CreateCompanyAsync(word);

        var companies = Group(await SearchAsync(admin, word), "company");

        Assert.Equal(exact, companies[0].Id);
        Assert.Equal(3, companies.Count);
        Assert.True(companies[0].Score > companies[1].Score);
        Assert.Contains(companies, r => r.Id == longer);
        Assert.Contains(companies, r => r.Id == prefix);
    }

    [Fact]
    public async Task Search_AsSales_FindsOnlyRecordsTheyMaySee()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var sales = await app.CreateUserAsync(Roles.Sales);
        var word = Word();
        var mine = await sales.CreateCompanyAsync($"{word} Mine");
        var theirs = await admin.CreateCompanyAsync($"{word} Theirs");
        var theirContact = await admin.CreateContactAsync(word);
        await admin.CreateActivityAsync(new { type = "note", subject = $"{word} secret", body = "Private", links = new[] { ActivityTestData.ContactLink(theirContact) } });

        var forSales = await SearchAsync(sales, word);
        var forAdmin = await SearchAsync(admin, word);

        Assert.Equal([mine], Group(forSales, "company").Select(r => r.Id));
        Assert.Empty(Group(forSales, "contact"));
        Assert.Empty(Group(forSales, "activity"));
        Assert.Equal(2, Group(forAdmin, "company").Count);
        Assert.Contains(Group(forAdmin, "company"), r => r.Id == theirs);
        Assert.Single(Group(forAdmin, "activity"));
    }

    [Fact]
    public async Task Search_WithATypo_FindsTheNameOnPostgres_AndPrefixesOnSqlite()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var globex = await admin.CreateCompanyAsync("Globex");

        var prefix = Group(await SearchAsync(admin, "glob"), "company");
        var typo = Group(await SearchAsync(admin, "Globx"), "company");

        Assert.Contains(prefix, r => r.Id == globex);
        if (app.Provider == DatabaseProvider.Postgres) Assert.Contains(typo, r => r.Id == globex);
        else Assert.DoesNotContain(typo, r => r.Id == globex);
    }

    [Fact]
    public async Task Search_ForAWholeNameThatExists_ListsNoLookAlikes_WhileATypoInItStillFindsThem()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var ada = (await admin.CreateContactAsync(new { firstName = "Ada", lastName = word })).Id;
        var bob = (await admin.CreateContactAsync(new { firstName = "Bob", lastName = word })).Id;

        var whole = Group(await SearchAsync(admin, $"Ada {word}"), "contact");
        var typo = Group(await SearchAsync(admin, $"Ada {word}x"), "contact");

        // The name typed exists: it is the answer, and Bob (the same last name, a near-miss on PostgreSQL's
        // trigram match) is not listed after it.
        Assert.Equal([ada], whole.Select(r => r.Id));
        if (app.Provider == DatabaseProvider.Postgres) Assert.Equal(new[] { ada, bob }.Order(), typo.Select(r => r.Id).Order());
        else Assert.Empty(typo);
    }

    [Fact]
    public async Task Search_WithMoreMatchesThanItRanks_StillPutsTheExactNameFirst_AndFindsWhatARepMaySee()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var word = Word();
        // More prefix matches than one capped candidate set holds, all stored before the records looked for.
        await app.ActingAsAsync(admin.Id, sp => sp.GetRequiredService<ContactImporter>().ImportAsync(
            Enumerable.Range(0, SearchCandidates.Cap + 50).Select(i => new Company { Name = $"{word}ware {i}", OwnerId = admin.Id }),
            [], CancellationToken.None));
        var exact = await admin.CreateCompanyAsync(word);
        var repsOwn = await rep.CreateCompanyAsync($"{word}ware of the rep");

        var forAdmin = Group(await SearchAsync(admin, word), "company");
        var forRep = Group(await SearchAsync(rep, word), "company");

        Assert.Equal(exact, forAdmin[0].Id);
        Assert.Equal(GlobalSearch.DefaultLimit, forAdmin.Count);
        Assert.Equal([repsOwn], forRep.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_LimitsResultsPerType()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        for (var i = 0; i < 4; i++) await admin.CreateCompanyAsync($"{word} {i}");

        Assert.Equal(2, Group(await SearchAsync(admin, word, limit: 2), "company").Count);
        Assert.Equal(4, Group(await SearchAsync(admin, word), "company").Count);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=21")]
    [InlineData("limit=abc")]
    public async Task Search_WithBadLimit_ReturnsProblem(string query)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        await (await admin.Client.GetAsync($"/api/v1/search?q=x&{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_WithNothingToSearchFor_ReturnsNoGroups()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        Assert.Empty((await SearchAsync(admin, " *** ")).Groups);
    }
}

public sealed class GlobalSearchTestsOnSqlite(SqliteApp app) : GlobalSearchTests(app), IClassFixture<SqliteApp>;

public sealed class GlobalSearchTestsOnPostgres(PostgresApp app) : GlobalSearchTests(app), IClassFixture<PostgresApp>;
