using System.Net;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Import;

public abstract class ExportTests(RapportApp app)
{
    [Fact]
    public async Task ExportContactsCsv_GivesEveryMatchingRowInSortOrder_WithFormulasNeutralised()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = "exp" + Guid.NewGuid().ToString("N")[..10];
        await admin.CreateContactAsync(new { firstName = "=HYPERLINK(\"http://evil\")", lastName = "Zed", tags = new[] { marker } });
        await admin.CreateContactAsync(new { firstName = "Ann", lastName = "Able, Jr.", jobTitle = "+1 boss", tags = new[] { marker } });
        await admin.CreateContactAsync(new { firstName = "Other", lastName = "Excluded" });

        var response = await admin.Client.GetAsync($"/api/v1/contacts/export.csv?filter=tags has '{marker}'&sort=-lastName");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("contacts.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Zed", "Able, Jr."], rows.Select(r => r["Last name"]));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", rows[0]["First name"]);
        Assert.Equal("'+1 boss", rows[1]["Job title"]);
        Assert.Equal(marker, rows[0]["Tags"]);
    }

    [Fact]
    public async Task ExportContactsCsv_ForSalesRep_HoldsOnlyTheirOwnContacts()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var marker = "own" + Guid.NewGuid().ToString("N")[..10];
        await admin.CreateContactAsync(new { lastName = "Theirs", ownerId = rep.Id, tags = new[] { marker } });
        await admin.CreateContactAsync(new { lastName = "NotTheirs", tags = new[] { marker } });

        var rows = ExportFiles.ReadCsv(await rep.Client.GetByteArrayAsync($"/api/v1/contacts/export.csv?filter=tags has '{marker}'"));
        var all = ExportFiles.ReadCsv(await admin.Client.GetByteArrayAsync($"/api/v1/contacts/export.csv?filter=tags has '{marker}'"));

        Assert.Equal(["Theirs"], rows.Select(r => r["Last name"]));
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task ExportCompaniesCsv_WithSearch_GivesTheCompaniesFound()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var word = "Quorvex" + Guid.NewGuid().ToString("N")[..6];
        await admin.CreateCompanyAsync(new { name = $"{word} Foods", industry = "-food", employeeCount = 12 });
        await admin.CreateCompanyAsync(new { name = "Unrelated Ltd" });

        var rows = ExportFiles.ReadCsv(await admin.Client.GetByteArrayAsync($"/api/v1/companies/export.csv?q={word}"));

        var row = Assert.Single(rows);
        Assert.Equal($"{word} Foods", row["Name"]);
        Assert.Equal("'-food", row["Industry"]);
        Assert.Equal("12", row["Employee count"]);
    }

    [Fact]
    public async Task ExportXlsx_OpensAsAWorkbookWithTheSameRows()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = "xl" + Guid.NewGuid().ToString("N")[..10];
        await admin.CreateContactAsync(new { firstName = "Bea", lastName = "Brown", emails = new[] { new { address = "bea@x.example" } }, tags = new[] { marker } });
        await admin.CreateContactAsync(new { firstName = "@cmd", lastName = "Cole", tags = new[] { marker } });

        var response = await admin.Client.GetAsync($"/api/v1/contacts/export.xlsx?filter=tags has '{marker}'");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Brown", "Cole"], rows.Select(r => r["Last name"]));
        Assert.Equal("bea@x.example", rows[0]["Email"]);
        Assert.Equal("'@cmd", rows[1]["First name"]);
    }

    [Fact]
    public async Task Export_OfNoRows_IsAFileWithOnlyTheHeaders()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var none = "filter=tags has 'nothing" + Guid.NewGuid().ToString("N") + "'";

        var csv = await admin.Client.GetAsync($"/api/v1/contacts/export.csv?{none}");
        var xlsx = await admin.Client.GetAsync($"/api/v1/contacts/export.xlsx?{none}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("First name,Last name,Email,", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Empty(ExportFiles.ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Export_WithABadFilter_IsAProblemNotAFile()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);

        await (await admin.Client.GetAsync("/api/v1/contacts/export.csv?filter=nosuchfield eq 1")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.GetAsync("/api/v1/companies/export.xlsx?sort=nosuchfield")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UiExport_UsesTheSignInCookie_AndRefusesAnonymousVisitors()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var marker = "ui" + Guid.NewGuid().ToString("N")[..10];
        await rep.CreateContactAsync(new { lastName = "=Mine", ownerId = rep.Id, tags = new[] { marker } });
        var browser = await app.SignInAsync(rep.Email, "a long enough test password");

        var response = await browser.GetAsync($"/export/contacts.csv?filter=tags has '{marker}'");
        var anonymous = await app.BrowserClient().GetAsync("/export/contacts.csv");
        var cookieOnApi = await browser.GetAsync("/api/v1/contacts/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["'=Mine"], ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync()).Select(r => r["Last name"]));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnApi.StatusCode);
    }
}

public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

public sealed class ExportTestsOnPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
