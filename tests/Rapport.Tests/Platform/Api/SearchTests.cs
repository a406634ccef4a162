using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Import;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>q: full-text search, FTS5 on SQLite and tsvector on PostgreSQL, answering the same way.</summary>
public abstract class SearchTests(RapportApp app)
{
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..9];

    private static async Task<List<Guid>> ContactsAsync(ApiUser user, string q, string? filter = null)
    {
        var url = $"/api/v1/contacts?limit=200&q={Uri.EscapeDataString(q)}" + (filter is null ? "" : $"&filter={Uri.EscapeDataString(filter)}");
        var response = await user.Client.GetAsync(url);
        await response.EnsureSuccessAsync();
        return (await response.ReadAsync<Page<ContactResponse>>()).Data.Select(c => c.Id).ToList();
    }

    [Fact]
    public async Task Q_MatchesWordPrefixesInNamesTitleAndPlace()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var contact = await admin.CreateContactAsync(new { firstName = "Grace", lastName = $"Hopper{word}", jobTitle = "Rear Admiral", address = new { city = "Arlington", country = "Narnia" } });
        await admin.CreateContactAsync(new { firstName = "Grace", lastName = "Other" });

        Assert.Equal([contact.Id], await ContactsAsync(admin, $"hopper{word}"));
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"HOPPER{word[..4]}"));
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"gra hopper{word}"));
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"admiral hopper{word}"));
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"arlington narn hopper{word}"));
        Assert.Empty(await ContactsAsync(admin, $"hopper{word} pirate"));
        Assert.Empty(await ContactsAsync(admin, $"opper{word}"));
    }

    [Fact]
    public async Task Q_FindsContactsByAnyWordOfTheirEmailOrPhone()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var contact = await admin.CreateContactAsync(new
        {
            lastName = "Mailer",
            emails = new[] { new { address = $"ada.lovelace@{word}.example.org" } },
            phones = new[] { new { number = "+44 20 7946 0958" } },
        });
        Assert.Equal([contact.Id], await ContactsAsync(admin, word));
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"lovelace {word}"));
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"ada.lovelace@{word}.example.org"));
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"7946 {word}"));
    }

    [Fact]
    public async Task Q_FindsCompaniesByDomainAndIndustry()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var company = await admin.CreateCompanyAsync(new { name = "Initrode", domain = $"{word}-labs.example", industry = "Aerospace" });
        async Task<List<Guid>> Companies(string q) =>
            (await (await admin.Client.GetAsync($"/api/v1/companies?q={Uri.EscapeDataString(q)}")).ReadAsync<Page<CompanyResponse>>())
            .Data.Select(c => c.Id).ToList();
        Assert.Equal([company.Id], await Companies(word));
        Assert.Equal([company.Id], await Companies($"labs {word}"));
        Assert.Equal([company.Id], await Companies($"aero {word}"));
        Assert.Equal([company.Id], await Companies($"{word}-labs.example"));
    }

    [Fact]
    public async Task Q_SeesEditsAndDeletes()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var before = Word();
        var after = Word();
        var contact = await admin.CreateContactAsync(new { lastName = before });
        Assert.Equal([contact.Id], await ContactsAsync(admin, before));
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { lastName = after })).EnsureSuccessAsync();
        Assert.Empty(await ContactsAsync(admin, before));
        Assert.Equal([contact.Id], await ContactsAsync(admin, after));
        await (await admin.Client.DeleteAsync($"/api/v1/contacts/{contact.Id}")).EnsureSuccessAsync();
        Assert.Empty(await ContactsAsync(admin, after));
    }

    [Fact]
    public async Task Q_CombinesWithFilterAndPaging()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await admin.CreateContactAsync(new { firstName = $"F{i}", lastName = word, lifecycleStage = i % 2 == 0 ? "customer" : "lead" })).Id);
        Assert.Equal([ids[0], ids[2], ids[4]], await ContactsAsync(admin, word, "lifecycleStage eq 'customer'"));

        var first = await (await admin.Client.GetAsync($"/api/v1/contacts?q={word}&limit=2")).ReadAsync<Page<ContactResponse>>();
        var second = await (await admin.Client.GetAsync($"/api/v1/contacts?q={word}&limit=10&cursor={Uri.EscapeDataString(first.NextCursor!)}"))
            .ReadAsync<Page<ContactResponse>>();
        Assert.Equal(ids, first.Data.Concat(second.Data).Select(c => c.Id));
    }

    [Fact]
    public async Task Q_NamePartBeforeAnApostrophe_MatchesOnlyAsAWholeWord()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var oReilly = await admin.CreateContactAsync(new { firstName = word, lastName = "O'Reilly" });
        var oakesReilly = await admin.CreateContactAsync(new { firstName = word, lastName = "Oakes Reilly" });

        Assert.Equal([oReilly.Id], await ContactsAsync(admin, $"{word} O'Reilly"));
        Assert.Equal([oReilly.Id], await ContactsAsync(admin, $"{word} o'rei"));
        // Typed with a space, "o" is still being typed: Oakes matches it.
        Assert.Equal(new[] { oakesReilly.Id, oReilly.Id }.Order(), (await ContactsAsync(admin, $"{word} o reilly")).Order());
    }

    [Fact]
    public async Task Q_ShortPrefixBesideALongerWord_StillNarrowsTheMatches()
    {
        // On PostgreSQL a one- or two-letter prefix is checked on the rows the other words found, not looked up in
        // the index (SearchTerms.ToTsQueries); it must narrow them all the same.
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var oReilly = await admin.CreateContactAsync(new { firstName = word, lastName = "O'Reilly" });
        var oakesReilly = await admin.CreateContactAsync(new { firstName = word, lastName = "Oakes Reilly" });
        var other = await admin.CreateContactAsync(new { firstName = "Ria", lastName = $"Rees{word}" });

        Assert.Equal([oReilly.Id], await ContactsAsync(admin, $"{word} o'r"));
        Assert.Equal([oakesReilly.Id], await ContactsAsync(admin, $"{word} oa"));
        Assert.Equal(new[] { oakesReilly.Id, oReilly.Id }.Order(), (await ContactsAsync(admin, $"{word} re")).Order());
        Assert.Empty(await ContactsAsync(admin, $"{word} x"));
        Assert.Equal([other.Id], await ContactsAsync(admin, $"ri rees{word}"));
    }

    [Theory]
    [InlineData("-lastName")]
    [InlineData("-createdAt")]
    public async Task Q_PagesThroughEveryMatchInTheRequestedOrder(string sort)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add((await admin.CreateContactAsync(new { firstName = word, lastName = $"Q{i}" })).Id);
        await admin.CreateContactAsync(new { firstName = "Someone", lastName = "Else" });

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/contacts?q={word}&sort={sort}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await admin.Client.GetAsync(url)).ReadAsync<Page<ContactResponse>>();
            seen.AddRange(page.Data.Select(c => c.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        ids.Reverse();
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Q_MatchingMoreRecordsThanAreSorted_PagesInNameOrder_InTheApiAndTheUi_AndARepSeesOnlyTheirOwn()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var word = Word();
        // A broad search: more matches than SortMatches sorts in full, so the page walks the name order instead.
        var broad = Enumerable.Range(0, SortMatches.Cap + 20)
            .Select(i => new Contact { FirstName = word, LastName = $"Broad{i:D5}", OwnerId = admin.Id }).ToList();
        await app.ActingAsAsync(admin.Id, sp => sp.GetRequiredService<ContactImporter>().ImportAsync([], broad, CancellationToken.None));
        var repsOwn = await rep.CreateContactAsync(new { firstName = word, lastName = "Zed" });
        var expected = broad.OrderBy(c => c.LastName, StringComparer.Ordinal).Select(c => c.Id).ToList();
        if (app.Provider == DatabaseProvider.Sqlite)
            Assert.False(await app.WithDbAsync(db => SortMatches.FewAsync<Contact>(db, new ListRequest(null, null, word, null, null), CancellationToken.None)));

        var first = await (await admin.Client.GetAsync($"/api/v1/contacts?q={word}&sort=lastName&limit=50")).ReadAsync<Page<ContactResponse>>();
        var second = await (await admin.Client.GetAsync(
            $"/api/v1/contacts?q={word}&sort=lastName&limit=50&cursor={Uri.EscapeDataString(first.NextCursor!)}")).ReadAsync<Page<ContactResponse>>();
        Assert.Equal(expected.Take(100), first.Data.Concat(second.Data).Select(c => c.Id));
        Assert.Equal([repsOwn.Id], await ContactsAsync(rep, word));

        // The UI's numbered pages, whose total is exact.
        var (rows, total) = await app.ActingAsAsync(admin.Id, sp => sp.GetRequiredService<ListQuery>().OffsetPageAsync(
            sp.GetRequiredService<RapportDb>().Contacts, new ListRequest(null, "lastName", word, null, null), ContactFields.All,
            "lastName", skip: 50, take: 25, c => c.Id, CancellationToken.None));
        Assert.Equal(broad.Count + 1, total);
        Assert.Equal(expected.Skip(50).Take(25), rows);
    }

    [Theory]
    [InlineData("Müller")]
    [InlineData("O'Brien")]
    public async Task Q_WithAccentsOrPunctuation_FindsTheName(string lastName)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Word();
        var contact = await admin.CreateContactAsync(new { firstName = word, lastName });
        Assert.Equal([contact.Id], await ContactsAsync(admin, $"{word} {lastName}"));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("a* OR b NEAR(c)")]
    [InlineData("'; drop table \"Contacts\"; --")]
    [InlineData("!:&|()<>")]
    [InlineData("-")]
    public async Task Q_WithSearchSyntaxOrSql_IsTreatedAsPlainWords(string q)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.GetAsync($"/api/v1/contacts?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }

    [Fact]
    public async Task Q_LongerThan200Characters_Returns400()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.GetAsync($"/api/v1/contacts?q={new string('a', 201)}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }
}

public sealed class SearchTestsOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchTestsOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
