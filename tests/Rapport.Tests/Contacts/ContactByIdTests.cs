using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.People;
using Rapport.Platform.Data;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Platform.CustomFields;

namespace Rapport.Tests.Contacts;

/// <summary>
/// GET /contacts/{id} reads through its own compiled, projected query (ContactById); the list and every write
/// still build the response from the whole entity. These tests hold the two to the same output.
/// </summary>
public abstract class ContactByIdTests(RapportApp app)
{
    [Fact]
    public async Task Get_WithEveryFieldSet_MatchesTheListAndThePatchResponseByteForByte()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var tier = CustomFieldClient.UniqueName("tier");
        var seats = CustomFieldClient.UniqueName("seats");
        await admin.DefineAsync(new { @object = "contact", name = tier, label = "Tier", type = "select", options = new[] { "gold", "silver" } });
        await admin.DefineAsync(new { @object = "contact", name = seats, label = "Seats", type = "number" });
        // A company with more than the response shows of it (tags, custom values): only its id and name come back.
        var company = await admin.CreateCompanyAsync(new { name = "Stark <Industries>", domain = "stark.example", tags = new[] { "defence" } });
        var marker = "m" + Guid.NewGuid().ToString("N")[..10];
        var contact = await admin.CreateContactAsync(new
        {
            firstName = "Pepper",
            lastName = "Potts \"CEO\"",
            emails = new object[]
            {
                new { address = "pepper@stark.example", label = "work", primary = true },
                new { address = "pp@home.example", label = "home", primary = false },
            },
            phones = new object[] { new { number = "+1 555 0142", label = "mobile", primary = true } },
            jobTitle = "Chief Executive",
            companyId = company.Id,
            address = new { street = "10880 Malibu Point", city = "Malibu", region = "CA", postalCode = "90265", country = "USA" },
            lifecycleStage = "customer",
            source = "Referral",
            ownerId = rep.Id,
            tags = new[] { marker, "vip" },
            notes = "Ünïcode and <b>markup</b> stay as typed.",
            customFields = new Dictionary<string, object> { [tier] = "gold", [seats] = 250 },
        });
        var patched = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "CEO" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var patchJson = await patched.Content.ReadAsStringAsync();

        var fetched = await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}");

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("\"2\"", fetched.Headers.ETag?.Tag);
        var getJson = await fetched.Content.ReadAsStringAsync();
        // PostgreSQL's jsonb keeps custom fields in its own key order, so the write's response may list them
        // differently; every member and value must still be the same.
        Assert.Equal(Canonical(patchJson), Canonical(getJson));
        var listed = await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'");
        var item = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("data")[0];
        Assert.Equal(item.GetRawText(), getJson);
        var read = JsonSerializer.Deserialize<ContactResponse>(getJson, Json.Options)!;
        Assert.Equal(new CompanyRef(company.Id, "Stark <Industries>"), read.Company);
        Assert.Equal("CEO", read.JobTitle);
        Assert.Equal("gold", read.CustomFields.Value(tier));
        Assert.Equal(250m, read.CustomFields.Value(seats));
        Assert.Equal(["pepper@stark.example", "pp@home.example"], read.Emails.Select(e => e.Address));
        Assert.Equal(rep.Id, read.OwnerId);
    }

    private static string Canonical(string json) => Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    [Fact]
    public async Task Get_WithoutCompany_HasNullCompany_AndUnknownIdIs404()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { firstName = "Happy", lastName = "Hogan" });

        var read = await admin.GetContactAsync(contact.Id);

        Assert.Null(read.Company);
        Assert.Empty(read.CustomFields);
        Assert.Equal([], read.Tags);
        await (await admin.Client.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_ASalesRepReadsTheirOwnContact_AndAColleaguesIsMissing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var colleague = await app.CreateUserAsync(Roles.Sales);
        var mine = await rep.CreateContactAsync(new { firstName = "Own", lastName = "Record" });
        var theirs = await colleague.CreateContactAsync(new { firstName = "Other", lastName = "Record" });

        Assert.Equal(rep.Id, (await rep.GetContactAsync(mine.Id)).OwnerId);
        await (await rep.Client.GetAsync($"/api/v1/contacts/{theirs.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Handing the record over makes it readable at once: the scope is a parameter of the compiled query.
        var handed = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{theirs.Id}", new { ownerId = rep.Id });
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.Equal("Other", (await rep.GetContactAsync(theirs.Id)).FirstName);
        await (await colleague.Client.GetAsync($"/api/v1/contacts/{theirs.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ContactByIdTestsOnSqlite(SqliteApp app) : ContactByIdTests(app), IClassFixture<SqliteApp>;

public sealed class ContactByIdTestsOnPostgres(PostgresApp app) : ContactByIdTests(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Get_IsAPreparedStatementOnTheServerConnection()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { firstName = "Maria", lastName = "Hill" });

        var prepared = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<RapportDb>();
            await db.Database.OpenConnectionAsync();
            var read = await ContactById.ReadAsync(db, services.GetRequiredService<RecordAccess>(), contact.Id, default);
            Assert.Equal("Hill", read?.LastName);
            // pg_prepared_statements lists this session's statements: the physical connection the read just used.
            return await db.Database.SqlQueryRaw<string>(
                "SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '-- prepared%'").ToListAsync();
        });

        var statement = Assert.Single(prepared);
        Assert.Contains("FROM \"Contacts\"", statement);
    }

    [Fact]
    public async Task Get_StaysScopedToTheCaller_OnceThePreparedPlanIsGeneric()
    {
        // PostgreSQL plans a prepared statement for its values five times, then may keep one generic plan: the
        // scope (all, or only the caller's) must still hold on every later execution.
        var rep = await app.CreateUserAsync(Roles.Sales);
        var colleague = await app.CreateUserAsync(Roles.Sales);
        var mine = await rep.CreateContactAsync(new { firstName = "Own", lastName = "Record" });
        var theirs = await colleague.CreateContactAsync(new { firstName = "Other", lastName = "Record" });

        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await rep.Client.GetAsync($"/api/v1/contacts/{mine.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await rep.Client.GetAsync($"/api/v1/contacts/{theirs.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync($"/api/v1/contacts/{theirs.Id}")).StatusCode);
        }
    }
}
