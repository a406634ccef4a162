using System.Net;
using System.Text;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

public abstract class VCardImportTests(RapportApp app)
{
    // As exported by Apple Contacts (macOS): vCard 3.0, grouped item1. properties, type=pref, a folded NOTE.
    private const string AppleContactsCard =
        "BEGIN:VCARD\r\n" +
        "VERSION:3.0\r\n" +
        "PRODID:-//Apple Inc.//macOS 14.5//EN\r\n" +
        "N:Hamilton;Margaret;Heafield;;\r\n" +
        "FN:Margaret Hamilton\r\n" +
        "ORG:{ORG};Software Engineering\r\n" +
        "TITLE:Director\r\n" +
        "item1.EMAIL;type=INTERNET;type=HOME:maggie@home.example\r\n" +
        "item2.EMAIL;type=INTERNET;type=WORK;type=pref:margaret@{TAG}.example\r\n" +
        "TEL;type=CELL;type=VOICE;type=pref:+1 (617) 555-0100\r\n" +
        "item3.ADR;type=WORK;type=pref:;;1 Kendall Sq\\, Bldg 200;Cambridge;MA;02139;USA\r\n" +
        "item3.X-ABADR:us\r\n" +
        "NOTE:Led the Apollo flight software team\\; coined \"software engineering\".\\nCall befo\r\n" +
        " re noon.\r\n" +
        "CATEGORIES:{TAG},apollo\r\n" +
        "END:VCARD\r\n" +
        "BEGIN:VCARD\r\n" +
        "VERSION:3.0\r\n" +
        "N:;;;;\r\n" +
        "FN:\r\n" +
        "END:VCARD\r\n";

    [Fact]
    public async Task ImportVCards_FromAppleContacts_CreatesTheContact_AndReportsTheEmptyCard()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = "vc" + Guid.NewGuid().ToString("N")[..10];
        var company = await admin.CreateCompanyAsync(new { name = "MIT Instrumentation " + tag });
        var body = AppleContactsCard.Replace("{TAG}", tag, StringComparison.Ordinal).Replace("{ORG}", company.Name.ToUpperInvariant(), StringComparison.Ordinal);

        var response = await admin.Client.PostAsync("/api/v1/contacts/vcard", new StringContent(body, Encoding.UTF8, "text/vcard"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<VCardImportResponse>();
        var created = Assert.Single(result.Created);
        Assert.Equal(2, Assert.Single(result.Errors).Card);
        var contact = await admin.GetContactAsync(created.Id);
        Assert.Equal(("Margaret", "Hamilton", "Director"), (contact.FirstName, contact.LastName, contact.JobTitle));
        Assert.Equal($"margaret@{tag}.example", contact.PrimaryEmail);
        Assert.Equal(2, contact.Emails.Count);
        Assert.Equal("+1 (617) 555-0100", contact.PrimaryPhone);
        Assert.Equal(company.Id, contact.Company?.Id);
        Assert.Equal(("1 Kendall Sq, Bldg 200", "Cambridge", "02139", "USA"), (contact.Address.Street, contact.Address.City, contact.Address.PostalCode, contact.Address.Country));
        Assert.Equal("Led the Apollo flight software team; coined \"software engineering\".\nCall before noon.", contact.Notes);
        Assert.Equal([tag, "apollo"], contact.Tags);

        // Round trip: the exported vCard 4.0 reads back as the same person.
        var exported = await admin.Client.GetStringAsync($"/api/v1/contacts/{contact.Id}/vcard");
        var again = await (await admin.Client.PostAsync("/api/v1/contacts/vcard", new StringContent(exported, Encoding.UTF8, "text/vcard")))
            .ReadAsync<VCardImportResponse>();
        var copy = Assert.Single(again.Created);
        Assert.Equal((contact.FullName, contact.PrimaryEmail, contact.Notes, contact.Address.Street), (copy.FullName, copy.PrimaryEmail, copy.Notes, copy.Address.Street));
    }

    [Fact]
    public async Task ImportVCards_WithNoCard_IsABadRequest()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        await (await admin.Client.PostAsync("/api/v1/contacts/vcard", new StringContent("hello", Encoding.UTF8, "text/vcard")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class VCardImportTestsOnSqlite(SqliteApp app) : VCardImportTests(app), IClassFixture<SqliteApp>;

public sealed class VCardImportTestsOnPostgres(PostgresApp app) : VCardImportTests(app), IClassFixture<PostgresApp>;
