using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

public abstract class ImportTests(RapportApp app)
{
    private static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static async Task<List<ContactResponse>> TaggedAsync(ApiUser user, string tag) =>
        [.. (await (await user.Client.GetAsync($"/api/v1/contacts?filter=tags has '{tag}'&limit=200")).ReadAsync<Page<ContactResponse>>()).Data];

    [Fact]
    public async Task Preview_MatchesColumnsBySynonym_AndReportsRowErrors_WithoutWritingAnything()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("pv");
        var csv = ImportClient.Utf8($"First Name,SURNAME,E-mail,Lifecycle stage,Tags,Favourite colour\r\n" +
                                    $"Ada,Lovelace,ada@x.example,customer,{tag},blue\r\n" +
                                    $"Bob,Broken,not-an-email,customer,{tag},red\r\n" +
                                    $"Cy,Stage,cy@x.example,boss,{tag},green\r\n");
        var before = await app.CountStoredAsync();

        var response = await admin.Client.PostAsync("/api/v1/imports/preview", ImportClient.Form(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.ReadJsonAsync();
        var fields = preview.GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("header").GetString()!, c => c.GetProperty("field").GetString());
        Assert.Equal("firstName", fields["First Name"]);
        Assert.Equal("lastName", fields["SURNAME"]);
        Assert.Equal("email", fields["E-mail"]);
        Assert.Equal("lifecycleStage", fields["Lifecycle stage"]);
        Assert.Null(fields["Favourite colour"]);
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Empty(rows[0].GetProperty("errors").EnumerateArray());
        Assert.Equal("E-mail", rows[1].GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Contains("not a lifecycle stage", rows[2].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(before, await app.CountStoredAsync());
        Assert.Empty(await TaggedAsync(admin, tag));
    }

    [Fact]
    public async Task ImportJob_CreatesContacts_AndReportsBadRowsInTheErrorReport()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = "Importco " + Marker("") });
        var tag = Marker("ij");
        var csv = ImportClient.Utf8("Given name,Family name,Email,Company,Tags\r\n" +
                                    $"Grace,Hopper,grace@{tag}.example,{company.Name},{tag}\r\n" +
                                    $",,,,{tag}\r\n" +
                                    $"Alan,Turing,alan@{tag}.example,No Such Company Ltd,{tag}\r\n" +
                                    $"Linus,Torvalds,linus@{tag}.example,,{tag}\r\n");

        var job = await admin.Client.ImportAsync(csv);

        Assert.Equal("completed", job.Status);
        Assert.Equal((4, 4, 2, 0, 0, 2), (job.Total, job.Processed, job.Created, job.Updated, job.Skipped, job.Errors));
        var contacts = await TaggedAsync(admin, tag);
        Assert.Equal(["Hopper", "Torvalds"], contacts.Select(c => c.LastName).Order());
        Assert.Equal(company.Id, contacts.Single(c => c.LastName == "Hopper").Company?.Id);
        Assert.Equal(admin.Id, contacts[0].OwnerId);
        var report = ExportFiles.ReadCsv(await admin.Client.GetByteArrayAsync($"/api/v1/imports/{job.Id}/errors.csv"));
        Assert.Equal(["3", "4"], report.Select(r => r["Row"]));
        Assert.Equal("Company", report[1]["Column"]);
        Assert.Contains("No Such Company Ltd", report[1]["Message"]);
    }

    [Theory]
    [InlineData("skip", 1, 0, 1, "Original", "Keep")]
    [InlineData("update", 1, 1, 0, "Original", "Changed")]
    [InlineData("create", 2, 0, 0, null, null)]
    public async Task ImportJob_WithADuplicateEmail_FollowsTheStrategy(string strategy, int created, int updated, int skipped,
        string? firstNameAfter, string? jobTitleAfter)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("dup");
        var existing = await admin.CreateContactAsync(new
        {
            firstName = "Original", lastName = "Person", jobTitle = "Keep",
            emails = new[] { new { address = $"Same@{tag}.example" } }, tags = new[] { tag },
        });
        var csv = ImportClient.Utf8("Email,Job title,Last name,Tags\r\n" +
                                    $" same@{tag.ToUpperInvariant()}.EXAMPLE ,Changed,Person,{tag}\r\n" +
                                    $"new@{tag}.example,New,Newcomer,{tag}\r\n");

        var job = await admin.Client.ImportAsync(csv, strategy: strategy);

        Assert.Equal("completed", job.Status);
        Assert.Equal((created, updated, skipped, 0), (job.Created, job.Updated, job.Skipped, job.Errors));
        var after = await admin.GetContactAsync(existing.Id);
        if (firstNameAfter is not null)
        {
            Assert.Equal(firstNameAfter, after.FirstName);
            Assert.Equal(jobTitleAfter, after.JobTitle);
        }
        Assert.Equal(strategy == "create" ? 3 : 2, (await TaggedAsync(admin, tag)).Count);
    }

    [Fact]
    public async Task ImportJob_WithBrokenQuotingAndAHugeLine_ReportsErrorRows_AndImportsTheRest()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("br");
        var huge = new string('x', 10 * 1024 * 1024);
        var csv = ImportClient.Utf8("First name,Last name,Tags\r\n" +
                                    $"Good,One,{tag}\r\n" +
                                    $"Bad,Qu\"ote,{tag}\r\n" +
                                    $"Huge,{huge},{tag}\r\n" +
                                    $"Good,Two,{tag}\r\n");

        var job = await admin.Client.ImportAsync(csv);

        Assert.Equal("completed", job.Status);
        Assert.Equal(2, job.Created);
        Assert.Equal(2, job.Errors);
        Assert.Equal(["One", "Two"], (await TaggedAsync(admin, tag)).Select(c => c.LastName).Order());
        var report = ExportFiles.ReadCsv(await admin.Client.GetByteArrayAsync($"/api/v1/imports/{job.Id}/errors.csv"));
        Assert.Equal(["3", "4"], report.Select(r => r["Row"]));
        Assert.Contains("quot", report[0]["Message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Last name", report[1]["Column"]);
    }

    [Fact]
    public async Task ImportJob_ReadsLatin1Files_KeepingAccents()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("l1");
        var csv = Encoding.Latin1.GetBytes($"Prénom,Nom,Tags\r\nZoë,Brontë,{tag}\r\n");

        var job = await admin.Client.ImportAsync(csv, mapping: new Dictionary<string, string> { ["Prénom"] = "firstName", ["Nom"] = "lastName", ["Tags"] = "tags" });

        Assert.Equal(("completed", "latin-1", 1), (job.Status, job.Encoding, job.Created));
        var contact = Assert.Single(await TaggedAsync(admin, tag));
        Assert.Equal(("Zoë", "Brontë"), (contact.FirstName, contact.LastName));
    }

    [Fact]
    public async Task ImportJob_OfTwentyThousandRows_Completes()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("big");
        var csv = new StringBuilder("First name,Last name,Email,Tags\r\n");
        for (var i = 0; i < 20_000; i++) csv.Append($"First{i},Last{i},p{i}@{tag}.example,{tag}\r\n");

        var job = await admin.Client.ImportAsync(ImportClient.Utf8(csv.ToString()));

        Assert.Equal(("completed", 20_000, 20_000, 20_000, 0), (job.Status, job.Total, job.Processed, job.Created, job.Errors));
        var stored = await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.PrimaryEmail!.EndsWith($"@{tag}.example")));
        Assert.Equal(20_000, stored);
    }

    [Fact]
    public async Task Import_BadRequests_AreProblems_AndOthersCannotSeeTheJob()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var readOnly = await app.CreateUserAsync(Roles.ReadOnly);
        var csv = ImportClient.Utf8("Email\r\nx@y.example\r\n");

        await (await admin.Client.PostAsync("/api/v1/imports", ImportClient.Form(csv, strategy: "merge"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostAsync("/api/v1/imports", ImportClient.Form(csv, mapping: new { Nope = "email" }))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostAsync("/api/v1/imports", ImportClient.Form(csv, mapping: new { Email = "salary" }))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostAsync("/api/v1/imports", new StringContent("{}", Encoding.UTF8, "application/json"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await readOnly.Client.PostAsync("/api/v1/imports", ImportClient.Form(csv))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var job = await admin.Client.StartAsync(csv);
        await (await rep.Client.GetAsync($"/api/v1/imports/{job.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.GetAsync($"/api/v1/imports/{job.Id}/errors.csv")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("completed", (await admin.Client.FinishedAsync(job.Id)).Status);
    }
}

public sealed class ImportTestsOnSqlite(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;

public sealed class ImportTestsOnPostgres(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
