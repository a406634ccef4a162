using System.Net;
using Rapport.Contacts.Duplicates;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Contacts;

public abstract class DuplicatesTests(RapportApp app)
{
    private static string Unique(string word) => $"{word}{Guid.NewGuid():N}"[..(word.Length + 10)];

    [Fact]
    public async Task CheckContact_FindsSameEmailIgnoringCaseAndSpaces()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var local = Unique("ada");
        var existing = await admin.CreateContactAsync(new { firstName = "Ada", lastName = "Lovelace", emails = new[] { new { address = $"{local}@Globex.example", primary = true } } });

        var matches = await CheckContactAsync(admin, $"email=%20{local.ToUpperInvariant()}@GLOBEX.EXAMPLE%20");

        var match = Assert.Single(matches);
        Assert.Equal(existing.Id, match.Id);
        Assert.Contains("same email", match.Reasons);
        Assert.True(match.Score >= 90);
    }

    [Fact]
    public async Task CheckContact_FindsSamePhoneWrittenDifferently()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var digits = Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var existing = await admin.CreateContactAsync(new { lastName = "Phoned", phones = new[] { new { number = $"+49 30 {digits}", primary = true } } });

        foreach (var written in new[] { $"0049-30-{digits}", $"030 {digits}", $"(030) {digits[..3]} {digits[3..]}" })
        {
            var match = Assert.Single(await CheckContactAsync(admin, $"phone={Uri.EscapeDataString(written)}"));
            Assert.Equal(existing.Id, match.Id);
            Assert.Equal(["same phone"], match.Reasons);
        }
        Assert.Empty(await CheckContactAsync(admin, $"phone={Uri.EscapeDataString($"031 {digits}")}"));
    }

    [Fact]
    public async Task CheckContact_FindsSimilarNameOnlyWithinTheSameCompany()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = Unique("Initech") });
        var other = await admin.CreateCompanyAsync(new { name = Unique("Umbrella") });
        var exact = await admin.CreateContactAsync(new { firstName = "Jonathan", lastName = "Smithers", companyId = company.Id });
        await admin.CreateContactAsync(new { firstName = "Jonathan", lastName = "Smithers", companyId = other.Id });

        var same = Assert.Single(await CheckContactAsync(admin, $"firstName=jonathan&lastName=SMITHERS&companyId={company.Id}"));
        Assert.Equal(exact.Id, same.Id);
        Assert.Equal(["same name at the same company"], same.Reasons);

        var similar = Assert.Single(await CheckContactAsync(admin, $"firstName=Jonathon&lastName=Smithers&companyId={company.Id}"));
        Assert.Equal(exact.Id, similar.Id);
        Assert.Equal(["similar name at the same company"], similar.Reasons);
        Assert.True(similar.Score < same.Score);

        Assert.Empty(await CheckContactAsync(admin, $"firstName=Margaret&lastName=Hamilton&companyId={company.Id}"));
    }

    [Fact]
    public async Task CheckContact_OrdersByScore_MoreReasonsRankHigher()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var email = $"{Unique("grace")}@navy.example";
        var digits = Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var emailOnly = await admin.CreateContactAsync(new { lastName = "EmailOnly", emails = new[] { new { address = email, primary = true } } });
        var both = await admin.CreateContactAsync(new
        {
            lastName = "Both",
            emails = new[] { new { address = email.ToUpperInvariant(), primary = true } },
            phones = new[] { new { number = $"+1 555 {digits}", primary = true } },
        });
        var phoneOnly = await admin.CreateContactAsync(new { lastName = "PhoneOnly", phones = new[] { new { number = $"555{digits}", primary = true } } });

        var matches = await CheckContactAsync(admin, $"email={Uri.EscapeDataString(email)}&phone={Uri.EscapeDataString($"+1 (555) {digits}")}");

        Assert.Equal([both.Id, emailOnly.Id, phoneOnly.Id], matches.Select(m => m.Id));
        Assert.True(matches[0].Score > matches[1].Score && matches[1].Score > matches[2].Score);
        Assert.Equal(["same email", "same phone"], matches[0].Reasons);
    }

    [Fact]
    public async Task CheckCompany_FindsSameDomainAndSimilarNames()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = Unique("Zorbex");
        var domain = $"{word.ToLowerInvariant()}.example";
        var byDomain = await admin.CreateCompanyAsync(new { name = $"{word} Holdings", domain });
        var byName = await admin.CreateCompanyAsync(new { name = $"{word}, Inc." });

        var sameDomain = await CheckCompanyAsync(admin, $"name=Something%20Else&domain={domain.ToUpperInvariant()}");
        Assert.Equal(byDomain.Id, Assert.Single(sameDomain).Id);
        Assert.Equal(["same domain"], sameDomain[0].Reasons);

        var sameName = await CheckCompanyAsync(admin, $"name={Uri.EscapeDataString($"{word.ToUpperInvariant()} GmbH")}");
        Assert.Equal(byName.Id, sameName[0].Id);
        Assert.Equal(["same name"], sameName[0].Reasons);

        var typo = await CheckCompanyAsync(admin, $"name={Uri.EscapeDataString(word[..^1] + "x LLC")}");
        Assert.Contains(typo, m => m.Id == byName.Id && m.Reasons.Contains("similar name"));
    }

    [Fact]
    public async Task CreateContact_WithLikelyDuplicate_SaysSoInAHeader_AndStillCreates()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var email = $"{Unique("dup")}@example.com";
        var first = await admin.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "First", emails = new[] { new { address = email, primary = true } } });
        Assert.False(first.Headers.Contains(DuplicateEndpoints.Header));
        var firstId = (await first.ReadAsync<ContactResponse>()).Id;

        var second = await admin.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "Second", emails = new[] { new { address = email.ToUpperInvariant(), primary = true } } });

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstId.ToString(), Assert.Single(second.Headers.GetValues(DuplicateEndpoints.Header)));
    }

    [Fact]
    public async Task CreateCompany_WithSameDomain_SaysSoInAHeader()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var domain = $"{Unique("acme")}.example";
        var first = await admin.CreateCompanyAsync(new { name = "Acme One", domain });
        var second = await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Other Name", domain });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Id.ToString(), Assert.Single(second.Headers.GetValues(DuplicateEndpoints.Header)));
    }

    [Fact]
    public async Task CheckContact_ForSales_IgnoresOtherReps()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var otherRep = await app.CreateUserAsync(Roles.Sales);
        var email = $"{Unique("private")}@example.com";
        await otherRep.CreateContactAsync(new { lastName = "Theirs", emails = new[] { new { address = email, primary = true } } });
        Assert.Empty(await CheckContactAsync(rep, $"email={email}"));
        Assert.Single(await CheckContactAsync(otherRep, $"email={email}"));
    }

    [Fact]
    public async Task DuplicatesList_ShowsContactAndCompanyPairs_BestFirst_Paged()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var email = $"{Unique("pair")}@example.com";
        var a = await admin.CreateContactAsync(new { lastName = "PairA", emails = new[] { new { address = email, primary = true } } });
        var b = await admin.CreateContactAsync(new { lastName = "PairB", emails = new[] { new { address = email, primary = true } } });
        var word = Unique("Quuxly");
        var c1 = await admin.CreateCompanyAsync(new { name = $"{word} Ltd" });
        var c2 = await admin.CreateCompanyAsync(new { name = $"{word} Limited" });

        var page = await (await admin.Client.GetAsync("/api/v1/duplicates?limit=200")).ReadAsync<DuplicatePairPage>();

        var contactPair = Assert.Single(page.Data, p => p.Type == "contact" && new[] { p.First.Id, p.Second.Id }.Order().SequenceEqual(new[] { a.Id, b.Id }.Order()));
        Assert.Contains("same email", contactPair.Reasons);
        var companyPair = Assert.Single(page.Data, p => p.Type == "company" && new[] { p.First.Id, p.Second.Id }.Order().SequenceEqual(new[] { c1.Id, c2.Id }.Order()));
        Assert.Contains("same name", companyPair.Reasons);
        Assert.Equal(page.Data.Select(p => p.Score).OrderDescending(), page.Data.Select(p => p.Score));

        var second = await (await admin.Client.GetAsync("/api/v1/duplicates?limit=1&offset=1")).ReadAsync<DuplicatePairPage>();
        Assert.Equal(page.Data[1].First.Id, Assert.Single(second.Data).First.Id);
        Assert.Equal(page.Total, second.Total);

        await (await admin.Client.GetAsync("/api/v1/duplicates?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.GetAsync("/api/v1/duplicates?type=deal")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<List<DuplicateMatch>> CheckContactAsync(ApiUser user, string query)
    {
        var response = await user.Client.GetAsync($"/api/v1/contacts/duplicates?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<DuplicateMatches>()).Data.ToList();
    }

    private static async Task<List<DuplicateMatch>> CheckCompanyAsync(ApiUser user, string query)
    {
        var response = await user.Client.GetAsync($"/api/v1/companies/duplicates?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<DuplicateMatches>()).Data.ToList();
    }
}

public sealed class DuplicatesTestsOnSqlite(SqliteApp app) : DuplicatesTests(app), IClassFixture<SqliteApp>;

public sealed class DuplicatesTestsOnPostgres(PostgresApp app) : DuplicatesTests(app), IClassFixture<PostgresApp>;
