using System.Net;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

/// <summary>The owner column of an import, and the preview's warnings of contacts that already exist.</summary>
public abstract class ImportOwnerAndDuplicateTests(RapportApp app)
{
    private static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static async Task<List<ContactResponse>> TaggedAsync(ApiUser user, string tag) =>
        [.. (await (await user.Client.GetAsync($"/api/v1/contacts?filter=tags has '{tag}'&limit=200")).ReadAsync<Page<ContactResponse>>()).Data];

    [Fact]
    public async Task OwnerColumn_AssignsContactsToTheNamedUser_AndReportsUnknownOwners()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var tag = Marker("ow");
        var csv = ImportClient.Utf8("Last name,Contact owner,Tags\r\n" +
                                    $"Repowned,{rep.Email.ToUpperInvariant()},{tag}\r\n" +
                                    $"Unowned,,{tag}\r\n" +
                                    $"Nobody,nobody@{tag}.example,{tag}\r\n");

        var job = await admin.Client.ImportAsync(csv);

        Assert.Equal((2, 1), (job.Created, job.Errors));
        var contacts = await TaggedAsync(admin, tag);
        Assert.Equal(rep.Id, contacts.Single(c => c.LastName == "Repowned").OwnerId);
        Assert.Equal(admin.Id, contacts.Single(c => c.LastName == "Unowned").OwnerId);
        var report = ExportFiles.ReadCsv(await admin.Client.GetByteArrayAsync($"/api/v1/imports/{job.Id}/errors.csv"));
        Assert.Equal("4", report.Single()["Row"]);
        Assert.Equal("Contact owner", report.Single()["Column"]);
        Assert.Contains("does not name one active user", report.Single()["Message"]);
        // The rep now sees the contact assigned to them.
        Assert.Single(await TaggedAsync(rep, tag));
    }

    [Fact]
    public async Task OwnerColumn_NamingSomeoneElse_IsAnErrorRow_ForARoleThatOwnsOnlyItsOwnRecords()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var colleague = await app.CreateUserAsync(Roles.Sales);
        var tag = Marker("own");
        var csv = ImportClient.Utf8("Last name,Owner,Tags\r\n" +
                                    $"Mine,{rep.Email},{tag}\r\n" +
                                    $"Theirs,{colleague.Email},{tag}\r\n");

        var job = await rep.Client.ImportAsync(csv);

        Assert.Equal((1, 1), (job.Created, job.Errors));
        Assert.Equal(["Mine"], (await TaggedAsync(rep, tag)).Select(c => c.LastName));
        Assert.Empty(await TaggedAsync(colleague, tag));
    }

    [Fact]
    public async Task OwnerColumn_WithUpdateStrategy_ReassignsTheExistingContact()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var manager = await app.CreateUserAsync(Roles.Manager);
        var tag = Marker("ou");
        var existing = await admin.CreateContactAsync(new { lastName = "Moving", emails = new[] { new { address = $"m@{tag}.example" } }, tags = new[] { tag } });
        var csv = ImportClient.Utf8($"Email,Owner\r\nm@{tag}.example,{manager.Email}\r\n");

        var job = await admin.Client.ImportAsync(csv, strategy: "update");

        Assert.Equal((0, 1, 0), (job.Created, job.Updated, job.Errors));
        Assert.Equal(manager.Id, (await admin.GetContactAsync(existing.Id)).OwnerId);
    }

    [Fact]
    public async Task Preview_WarnsOfExistingContacts_BySameEmailPhoneOrNameAtTheSameCompany()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("pd");
        var company = await admin.CreateCompanyAsync(new { name = "Dupco " + tag });
        var byEmail = await admin.CreateContactAsync(new { firstName = "Erin", lastName = "Mail", emails = new[] { new { address = $"erin@{tag}.example" } } });
        var byPhone = await admin.CreateContactAsync(new { firstName = "Pat", lastName = "Phone", phones = new[] { new { number = "+44 20 7946 0958" } } });
        var byName = await admin.CreateContactAsync(new { firstName = "Jonathan", lastName = "Colleague", companyId = company.Id });
        var csv = ImportClient.Utf8("First name,Last name,Email,Phone,Company\r\n" +
                                    $"E,Other,ERIN@{tag}.example,,\r\n" +
                                    "P,Other,,020 7946 0958,\r\n" +
                                    $"Jonathon,Colleague,,,{company.Name}\r\n" +
                                    $"Fresh,Person,fresh@{tag}.example,,\r\n");

        var response = await admin.Client.PostAsync("/api/v1/imports/preview", ImportClient.Form(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray().ToList();
        Guid FirstWarning(int i) => rows[i].GetProperty("warnings")[0].GetProperty("contactId").GetGuid();
        Assert.Equal(byEmail.Id, FirstWarning(0));
        Assert.Contains("same email", rows[0].GetProperty("warnings")[0].GetProperty("message").GetString());
        Assert.Equal(byPhone.Id, FirstWarning(1));
        Assert.Equal(byName.Id, FirstWarning(2));
        Assert.Contains("similar name at the same company", rows[2].GetProperty("warnings")[0].GetProperty("message").GetString());
        Assert.Empty(rows[3].GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Preview_DoesNotWarnOfContactsTheImporterCannotSee()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var other = await app.CreateUserAsync(Roles.Sales);
        var tag = Marker("pv");
        await other.CreateContactAsync(new { lastName = "Hidden", emails = new[] { new { address = $"hidden@{tag}.example" } } });
        var csv = ImportClient.Utf8($"Last name,Email\r\nHidden,hidden@{tag}.example\r\n");

        var rows = (await (await rep.Client.PostAsync("/api/v1/imports/preview", ImportClient.Form(csv))).ReadJsonAsync())
            .GetProperty("rows").EnumerateArray().ToList();

        Assert.Empty(rows[0].GetProperty("warnings").EnumerateArray());
    }
}

public sealed class ImportOwnerAndDuplicateTestsOnSqlite(SqliteApp app) : ImportOwnerAndDuplicateTests(app), IClassFixture<SqliteApp>;

public sealed class ImportOwnerAndDuplicateTestsOnPostgres(PostgresApp app) : ImportOwnerAndDuplicateTests(app), IClassFixture<PostgresApp>;
