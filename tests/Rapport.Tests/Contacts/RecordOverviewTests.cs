using System.Net;
using System.Text.Json;
using Rapport.Platform.Auth;
using Rapport.Tests.Documents;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Activities.ActivityTestData;

namespace Rapport.Tests.Contacts;

/// <summary>The 360° view in one call: the record, its company and owner, the timeline and each module's panel.</summary>
public abstract class RecordOverviewTests(RapportApp app)
{
    private static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ContactOverview_ShowsCompanyOwnerTimelineOpenTasksAndDocuments()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var company = await admin.CreateCompanyAsync(new { name = "Overview Works" });
        var contact = await admin.CreateContactAsync(new { firstName = "Olga", lastName = "Overview", companyId = company.Id, ownerId = rep.Id });
        var links = new[] { ContactLink(contact.Id) };
        await admin.CreateActivityAsync(new { type = "note", body = "Met at the fair", links });
        await admin.CreateActivityAsync(new { type = "task", subject = "Late one", dueAt = Iso(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1)), links });
        await admin.CreateActivityAsync(new { type = "task", subject = "Undated", links });
        await admin.CreateActivityAsync(new { type = "task", subject = "Finished", done = true, links });
        Assert.Equal(HttpStatusCode.Created,
            (await admin.Client.UploadAsync($"/api/v1/contacts/{contact.Id}/documents", "brief.pdf", DocumentFiles.Pdf())).StatusCode);

        var response = await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}/overview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await response.ReadJsonAsync();
        Assert.Equal("Olga", overview.GetProperty("contact").GetProperty("firstName").GetString());
        Assert.Equal("Overview Works", overview.GetProperty("company").GetProperty("name").GetString());
        Assert.Equal(rep.Id, overview.GetProperty("owner").GetProperty("id").GetGuid());
        Assert.Equal(4, overview.GetProperty("timeline").GetProperty("data").GetArrayLength());
        var tasks = overview.GetProperty("panels").GetProperty("openTasks");
        Assert.Equal(2, tasks.GetProperty("total").GetInt32());
        var open = tasks.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["Late one", "Undated"], open.Select(t => t.GetProperty("subject").GetString()));
        Assert.True(open[0].GetProperty("overdue").GetBoolean());
        var documents = overview.GetProperty("panels").GetProperty("documents");
        Assert.Equal("brief.pdf", documents.GetProperty("data").EnumerateArray().Single().GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task CompanyOverview_RollsUpItsContactsActivityAndTasks()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = "Rollup Ltd" });
        var first = await admin.CreateContactAsync(new { firstName = "Ann", lastName = "Alpha", companyId = company.Id });
        await admin.CreateContactAsync(new { firstName = "Bob", lastName = "Beta", companyId = company.Id });
        await admin.CreateActivityAsync(new { type = "call", subject = "Intro call", links = new[] { ContactLink(first.Id) } });
        await admin.CreateActivityAsync(new { type = "task", subject = "Send terms", links = new[] { CompanyLink(company.Id) } });

        var overview = await (await admin.Client.GetAsync($"/api/v1/companies/{company.Id}/overview")).ReadJsonAsync();

        Assert.Equal("Rollup Ltd", overview.GetProperty("company").GetProperty("name").GetString());
        Assert.Equal(2, overview.GetProperty("contactCount").GetInt32());
        Assert.Equal(["Ann Alpha", "Bob Beta"], overview.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["Send terms", "Intro call"],
            overview.GetProperty("timeline").GetProperty("data").EnumerateArray().Select(a => a.GetProperty("subject").GetString()));
        Assert.Equal(1, overview.GetProperty("panels").GetProperty("openTasks").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Overview_OfARecordTheCallerCannotSee_Is404_AndHidesACompanyTheyCannotSee()
    {
        var owner = await app.CreateUserAsync(Roles.Sales);
        var other = await app.CreateUserAsync(Roles.Sales);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var hidden = await owner.CreateContactAsync(new { lastName = "Private" });
        var theirCompany = await admin.CreateCompanyAsync(new { name = "Not yours", ownerId = owner.Id });
        var mine = await admin.CreateContactAsync(new { lastName = "Mine", companyId = theirCompany.Id, ownerId = other.Id });

        var denied = await other.Client.GetAsync($"/api/v1/contacts/{hidden.Id}/overview");
        await denied.AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync($"/api/v1/companies/{theirCompany.Id}/overview")).AssertProblemAsync(HttpStatusCode.NotFound);

        var overview = await (await other.Client.GetAsync($"/api/v1/contacts/{mine.Id}/overview")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, overview.GetProperty("company").ValueKind);
    }
}

public sealed class RecordOverviewTestsOnSqlite(SqliteApp app) : RecordOverviewTests(app), IClassFixture<SqliteApp>;

public sealed class RecordOverviewTestsOnPostgres(PostgresApp app) : RecordOverviewTests(app), IClassFixture<PostgresApp>;
