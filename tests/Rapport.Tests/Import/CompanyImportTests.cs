using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Import;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Platform.CustomFields;

namespace Rapport.Tests.Import;

/// <summary>CSV import of companies: the same pipeline as contacts, with the company's fields, rules and duplicate match.</summary>
public abstract class CompanyImportTests(RapportApp app)
{
    private static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static async Task<List<CompanyResponse>> TaggedAsync(ApiUser user, string tag) =>
        [.. (await (await user.Client.GetAsync($"/api/v1/companies?filter=tags has '{tag}'&limit=200")).ReadAsync<Page<CompanyResponse>>()).Data];

    private static Task<ImportResponse> ImportAsync(ApiUser user, string csv, string? strategy = null) =>
        user.Client.ImportAsync(ImportClient.Utf8(csv), strategy: strategy, path: ImportClient.Companies);

    [Fact]
    public async Task Preview_MatchesCompanyHeadersAndACustomField_AndReportsRowErrors_WithoutWritingAnything()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tier = CustomFieldClient.UniqueName("tier");
        await admin.DefineAsync(new { @object = "company", name = tier, label = "Tier " + tier, type = "select", options = new[] { "gold", "silver" } });
        var tag = Marker("cpv");
        var csv = ImportClient.Utf8($"Company Name,Website,Industry,Number of employees,Tier {tier},Phone,Favourite colour\r\n" +
                                    $"Acme {tag},https://www.acme-{tag}.example/about,Manufacturing,\"1,200\",gold,+1 555 0100,blue\r\n" +
                                    $",https://nameless-{tag}.example,Retail,10,,,red\r\n" +
                                    $"Webless {tag},not a web address,Retail,10,,,green\r\n" +
                                    $"Ranged {tag},ranged-{tag}.example,Retail,51-200,,,green\r\n" +
                                    $"Bronze {tag},bronze-{tag}.example,Retail,5,bronze,,green\r\n" +
                                    $"Dialled {tag},dialled-{tag}.example,Retail,5,,call me,green\r\n");
        var before = await app.CountStoredAsync();

        var response = await admin.Client.PostAsync($"{ImportClient.Companies}/preview", ImportClient.Form(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.ReadJsonAsync();
        var fields = preview.GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("header").GetString()!, c => c.GetProperty("field").GetString());
        Assert.Equal("name", fields["Company Name"]);
        Assert.Equal("website", fields["Website"]);
        Assert.Equal("industry", fields["Industry"]);
        Assert.Equal("employeeCount", fields["Number of employees"]);
        Assert.Equal($"customFields.{tier}", fields["Tier " + tier]);
        Assert.Equal("phone", fields["Phone"]);
        Assert.Null(fields["Favourite colour"]);
        Assert.Contains($"customFields.{tier}", preview.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        (string? Column, string Message) Error(int i) =>
            (rows[i].GetProperty("errors")[0].GetProperty("column").GetString(), rows[i].GetProperty("errors")[0].GetProperty("message").GetString()!);
        Assert.Empty(rows[0].GetProperty("errors").EnumerateArray());
        Assert.Equal(("Company Name", "The row has no company name."), Error(1));
        Assert.Equal("Website", Error(2).Column);
        Assert.Contains("is not a web address", Error(2).Message);
        Assert.Equal("Number of employees", Error(3).Column);
        Assert.Contains("'51-200' is not a number of employees", Error(3).Message);
        Assert.Equal("Tier " + tier, Error(4).Column);
        Assert.Contains("bronze", Error(4).Message);
        Assert.Equal("Phone", Error(5).Column);
        Assert.Equal(before, await app.CountStoredAsync());
        Assert.Empty(await TaggedAsync(admin, tag));
    }

    [Fact]
    public async Task ImportJob_CreatesCompaniesWithEveryField_AndReportsBadRowsInTheErrorReport()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var size = CustomFieldClient.UniqueName("size");
        await admin.DefineAsync(new { @object = "company", name = size, label = "Size " + size, type = "number" });
        var tag = Marker("cij");
        var csv = "Company Name,Website,Industry,Employees,Annual revenue,Currency,Phone,Street,City,Zip,Country,Company owner,Tags,Notes," +
                  $"Size {size}\r\n" +
                  $"Initech {tag},http://WWW.Initech-{tag}.example/,Software,\"1,200\",\"1,200,000.50\",eur,+49 30 1234567,1 Main St,Berlin,10115," +
                  $"Germany,{rep.Email},\"{tag}, software\",Met at the fair,42\r\n" +
                  $",nameless-{tag}.example,,,,,,,,,,,{tag},,\r\n" +
                  $"Revenueless {tag},revenueless-{tag}.example,,,5000,,,,,,,,{tag},,\r\n" +
                  $"Plain {tag},,,,,,,,,,,,{tag},,\r\n";

        var job = await ImportAsync(admin, csv);

        Assert.Equal(("completed", "companies"), (job.Status, job.RecordType));
        Assert.Equal((4, 4, 2, 0, 0, 2), (job.Total, job.Processed, job.Created, job.Updated, job.Skipped, job.Errors));
        var companies = await TaggedAsync(admin, tag);
        Assert.Equal([$"Initech {tag}", $"Plain {tag}"], companies.Select(c => c.Name).Order());
        var initech = companies.Single(c => c.Name.StartsWith("Initech", StringComparison.Ordinal));
        Assert.Equal($"initech-{tag}.example", initech.Domain);
        Assert.Equal(("Software", 1200, "+49 30 1234567"), (initech.Industry, initech.EmployeeCount, initech.Phone));
        Assert.Equal((1_200_000.50m, "EUR"), (initech.AnnualRevenue!.Amount, initech.AnnualRevenue.Currency));
        Assert.Equal(("1 Main St", "Berlin", "10115", "Germany"), (initech.Address.Street, initech.Address.City, initech.Address.PostalCode, initech.Address.Country));
        Assert.Equal(rep.Id, initech.OwnerId);
        Assert.Contains("software", initech.Tags);
        Assert.Equal(42m, initech.CustomFields.Value(size));
        Assert.Equal(admin.Id, companies.Single(c => c.Name.StartsWith("Plain", StringComparison.Ordinal)).OwnerId);
        var timeline = await (await admin.Client.GetAsync($"/api/v1/companies/{initech.Id}/timeline")).ReadAsync<Page<ActivityResponse>>();
        var note = Assert.Single(timeline.Data);
        Assert.Equal((ActivityType.Note, "Met at the fair"), (note.Type, note.Body));
        // The rep the company was assigned to sees it.
        Assert.Single(await TaggedAsync(rep, tag), c => c.Id == initech.Id);

        var report = ExportFiles.ReadCsv(await admin.Client.GetByteArrayAsync($"{ImportClient.Companies}/{job.Id}/errors.csv"));
        Assert.Equal(["3", "4"], report.Select(r => r["Row"]));
        Assert.Equal("Company Name", report[0]["Column"]);
        Assert.Equal("Annual revenue", report[1]["Column"]);
        Assert.Contains("has no currency", report[1]["Message"]);
    }

    [Theory]
    [InlineData("skip", 1, 0, 1, "Original", "Keep")]
    [InlineData("update", 1, 1, 0, "Renamed", "Changed")]
    [InlineData("create", 2, 0, 0, "Original", "Keep")]
    public async Task ImportJob_WithTheDomainOfAnExistingCompany_FollowsTheStrategy(string strategy, int created, int updated, int skipped,
        string namePrefixAfter, string industryAfter)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("cdup");
        var existing = await admin.CreateCompanyAsync(new
        {
            name = $"Original {tag}", domain = $"same-{tag}.example", industry = "Keep", employeeCount = 10, tags = new[] { tag },
        });
        // The website's host, without www. and ignoring case, is the existing company's domain.
        var csv = "Name,Website,Industry,Tags\r\n" +
                  $"Renamed {tag},HTTPS://www.SAME-{tag}.example/contact,Changed,{tag}\r\n" +
                  $"Newcomer {tag},new-{tag}.example,New,{tag}\r\n";

        var job = await ImportAsync(admin, csv, strategy);

        Assert.Equal("completed", job.Status);
        Assert.Equal((created, updated, skipped, 0), (job.Created, job.Updated, job.Skipped, job.Errors));
        var after = await admin.GetCompanyAsync(existing.Id);
        Assert.Equal(($"{namePrefixAfter} {tag}", industryAfter, 10), (after.Name, after.Industry, after.EmployeeCount));
        var tagged = await TaggedAsync(admin, tag);
        Assert.Equal(strategy == "create" ? 3 : 2, tagged.Count);
        if (strategy == "create") Assert.Equal(2, tagged.Count(c => c.Domain == $"same-{tag}.example"));
    }

    [Fact]
    public async Task ImportJob_MatchesByNameWhenTheRowHasNoDomain_AndRepeatsWithinTheFile()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("cname");
        var existing = await admin.CreateCompanyAsync(new { name = $"Globex {tag}", tags = new[] { tag } });
        var csv = "Company,Domain,City,Tags\r\n" +
                  $"  GLOBEX {tag.ToUpperInvariant()} ,,Springfield,{tag}\r\n" +
                  $"Fresh {tag},fresh-{tag}.example,,{tag}\r\n" +
                  $"Fresh Again {tag},FRESH-{tag}.example,,{tag}\r\n";

        var job = await ImportAsync(admin, csv, "update");

        Assert.Equal((1, 1, 1, 0), (job.Created, job.Updated, job.Skipped, job.Errors));
        Assert.Equal("Springfield", (await admin.GetCompanyAsync(existing.Id)).Address.City);
        Assert.Equal([$"Fresh {tag}", $"GLOBEX {tag.ToUpperInvariant()}"], (await TaggedAsync(admin, tag)).Select(c => c.Name).Order());
    }

    [Fact]
    public async Task Preview_WarnsOfExistingCompanies_BySameDomainOrSimilarName()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("cpw");
        var byDomain = await admin.CreateCompanyAsync(new { name = $"Hooli {tag}", domain = $"hooli-{tag}.example" });
        var byName = await admin.CreateCompanyAsync(new { name = $"Vandelay Industries {tag}" });
        var csv = ImportClient.Utf8("Name,Website\r\n" +
                                    $"Something Else {tag},https://www.hooli-{tag}.example\r\n" +
                                    $"Vandelay Industries {tag} GmbH,\r\n" +
                                    $"Unrelated {Marker("zz")},\r\n");

        var rows = (await (await admin.Client.PostAsync($"{ImportClient.Companies}/preview", ImportClient.Form(csv))).ReadJsonAsync())
            .GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal(byDomain.Id, rows[0].GetProperty("warnings")[0].GetProperty("companyId").GetGuid());
        Assert.Contains("same domain", rows[0].GetProperty("warnings")[0].GetProperty("message").GetString());
        Assert.Equal(byName.Id, rows[1].GetProperty("warnings")[0].GetProperty("companyId").GetGuid());
        Assert.False(rows[1].GetProperty("warnings")[0].TryGetProperty("contactId", out _));
        Assert.Empty(rows[2].GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task ImportJob_OfThreeThousandRows_Completes_WithHeartbeats()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Marker("cbig");
        var csv = new StringBuilder("Company name,Domain,Employees,Tags\r\n");
        for (var i = 0; i < 3_000; i++) csv.Append($"Company {i} {tag},c{i}-{tag}.example,{i},{tag}\r\n");

        var job = await ImportAsync(admin, csv.ToString());

        Assert.Equal(("completed", 3_000, 3_000, 3_000, 0), (job.Status, job.Total, job.Processed, job.Created, job.Errors));
        var stored = await app.WithDbAsync(db => db.Companies.CountAsync(c => c.Domain!.EndsWith($"-{tag}.example")));
        Assert.Equal(3_000, stored);
        var heartbeat = await app.WithDbAsync(db => db.Imports.Where(j => j.Id == job.Id).Select(j => j.HeartbeatAt).SingleAsync());
        Assert.NotNull(heartbeat);
    }

    [Fact]
    public async Task CompanyImport_BadRequests_AreProblems_AndJobsStayWithTheirRecordType()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var readOnly = await app.CreateUserAsync(Roles.ReadOnly);
        var csv = ImportClient.Utf8($"Name\r\nProblem {Marker("")}\r\n");

        await (await admin.Client.PostAsync(ImportClient.Companies, ImportClient.Form(csv, strategy: "merge"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var contactField = await admin.Client.PostAsync(ImportClient.Companies, ImportClient.Form(csv, mapping: new { Name = "firstName" }));
        await contactField.AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await readOnly.Client.PostAsync(ImportClient.Companies, ImportClient.Form(csv))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var started = await admin.Client.PostAsync(ImportClient.Companies, ImportClient.Form(csv));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.ReadAsync<ImportResponse>();
        Assert.Equal($"/api/v1/companies/imports/{job.Id}", started.Headers.Location?.OriginalString);
        // A company import is not a contact import: each type's imports are their own resource.
        await (await admin.Client.GetAsync($"{ImportClient.Contacts}/{job.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Client.GetAsync($"{ImportClient.Contacts}/{job.Id}/errors.csv")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Client.GetAsync($"{ImportClient.Companies}/{job.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("completed", (await admin.Client.FinishedAsync(job.Id, ImportClient.Companies)).Status);
    }
}

public sealed class CompanyImportTestsOnSqlite(SqliteApp app) : CompanyImportTests(app), IClassFixture<SqliteApp>;

public sealed class CompanyImportTestsOnPostgres(PostgresApp app) : CompanyImportTests(app), IClassFixture<PostgresApp>;
