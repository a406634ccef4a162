using System.Net;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

public abstract class VCardTests(RapportApp app)
{
    [Fact]
    public async Task ContactVCard_IsAVCard4_WithEscapedValues_AndOnlyForContactsTheCallerCanSee()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var company = await admin.CreateCompanyAsync(new { name = "Acme; Widgets, Inc" });
        var contact = await admin.CreateContactAsync(new
        {
            firstName = "Ada", lastName = "Lovelace", jobTitle = "Analyst",
            emails = new[] { new { address = "ada@acme.example", primary = true } },
            phones = new[] { new { number = "+44 20 7946 0000", primary = true } },
            companyId = company.Id,
            address = new { street = "12 St James's Square", city = "London", postalCode = "SW1Y 4JH", country = "UK" },
            tags = new[] { "math", "vip" },
            notes = "Line one\nLine two",
        });

        var response = await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}/vcard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["BEGIN:VCARD", "VERSION:4.0"], lines[..2]);
        Assert.Equal("END:VCARD", lines[^1]);
        Assert.Contains("FN:Ada Lovelace", lines);
        Assert.Contains("N:Lovelace;Ada;;;", lines);
        Assert.Contains("EMAIL;PREF=1:ada@acme.example", lines);
        Assert.Contains("TEL;VALUE=text;PREF=1:+44 20 7946 0000", lines);
        Assert.Contains(@"ORG:Acme\; Widgets\, Inc", lines);
        Assert.Contains(";;12 St James's Square;London;;SW1Y 4JH;UK", lines.Single(l => l.StartsWith("ADR:", StringComparison.Ordinal)));
        Assert.Contains("CATEGORIES:math,vip", lines);
        Assert.Contains(@"NOTE:Line one\nLine two", lines);
        Assert.Contains($"UID:urn:uuid:{contact.Id}", lines);
        await (await rep.Client.GetAsync($"/api/v1/contacts/{contact.Id}/vcard")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class VCardTestsOnSqlite(SqliteApp app) : VCardTests(app), IClassFixture<SqliteApp>;

public sealed class VCardTestsOnPostgres(PostgresApp app) : VCardTests(app), IClassFixture<PostgresApp>;
