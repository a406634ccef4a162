using System.Net;
using Rapport.Platform.Audit;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Audit;

/// <summary>GET /{resource}/{id}/history: who changed what, when, from what to what, including the delete.</summary>
public abstract class HistoryTests(RapportApp app)
{
    private static async Task<List<HistoryEntry>> HistoryAsync(ApiUser user, string resource, Guid id)
    {
        var response = await user.Client.GetAsync($"/api/v1/{resource}/{id}/history");
        await response.EnsureSuccessAsync();
        return await response.ReadAsync<List<HistoryEntry>>();
    }

    [Fact]
    public async Task CreateUpdateDelete_EachAppearNewestFirst_WithWhoWhenAndOldToNew()
    {
        var creator = await app.CreateUserAsync(Roles.Manager);
        var editor = await app.CreateUserAsync(Roles.Admin);
        var contact = await creator.CreateContactAsync(new { firstName = "Hist", lastName = "Ory", lifecycleStage = "lead", tags = new[] { "a" } });
        await (await editor.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}",
            new { lifecycleStage = "mql", tags = new[] { "a", "b" }, jobTitle = "Archivist" })).EnsureSuccessAsync();
        await (await editor.Client.DeleteAsync($"/api/v1/contacts/{contact.Id}")).EnsureSuccessAsync();

        var history = await HistoryAsync(editor, "contacts", contact.Id);
        Assert.Equal(["deleted", "updated", "created"], history.Select(h => h.Action));
        Assert.Equal([editor.Id, editor.Id, creator.Id], history.Select(h => h.ActorId));
        Assert.All(history, h => Assert.Equal("api", h.Via));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.ActorName)));
        Assert.True(history[0].At >= history[1].At && history[1].At >= history[2].At);
        Assert.Equal(contact.CreatedAt, history[2].At);

        var created = history[2].Changes.ToDictionary(c => c.Field);
        Assert.Equal(new FieldChange("lastName", null, "Ory"), created["lastName"]);
        Assert.Equal("lead", created["lifecycleStage"].New);
        Assert.DoesNotContain("version", created.Keys);
        Assert.DoesNotContain("updatedAt", created.Keys);

        var updated = history[1].Changes.ToDictionary(c => c.Field);
        Assert.Equal(new FieldChange("lifecycleStage", "lead", "mql"), updated["lifecycleStage"]);
        Assert.Equal(new FieldChange("tags", "[\"a\"]", "[\"a\",\"b\"]"), updated["tags"]);
        Assert.Equal(new FieldChange("jobTitle", null, "Archivist"), updated["jobTitle"]);
        Assert.Equal(3, updated.Count);

        var deleted = history[0].Changes.ToDictionary(c => c.Field);
        Assert.Equal(new FieldChange("jobTitle", "Archivist", null), deleted["jobTitle"]);
        Assert.Equal(creator.Id.ToString(), deleted["ownerId"].Old);
    }

    [Fact]
    public async Task DeletedRecordHistory_IsVisibleToWhoCouldSeeIt_AndNotToOtherSalesReps()
    {
        var rep = await app.CreateUserAsync(Roles.Sales);
        var otherRep = await app.CreateUserAsync(Roles.Sales);
        var contact = await rep.CreateContactAsync(new { lastName = "Ephemeral" });
        await (await rep.Client.DeleteAsync($"/api/v1/contacts/{contact.Id}")).EnsureSuccessAsync();

        Assert.Equal(["deleted", "created"], (await HistoryAsync(rep, "contacts", contact.Id)).Select(h => h.Action));
        await (await otherRep.Client.GetAsync($"/api/v1/contacts/{contact.Id}/history")).AssertProblemAsync(HttpStatusCode.NotFound);
        var viewer = await app.CreateUserAsync(Roles.ReadOnly);
        Assert.Equal(2, (await HistoryAsync(viewer, "contacts", contact.Id)).Count);
        await (await viewer.Client.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}/history")).AssertProblemAsync(HttpStatusCode.NotFound);
        // A contact's history is not reachable under another resource.
        await (await viewer.Client.GetAsync($"/api/v1/companies/{contact.Id}/history")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingACompany_ShowsInItsContactsHistory()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = "Folded Inc" });
        var contact = await admin.CreateContactAsync(new { lastName = "Employee", companyId = company.Id });
        await (await admin.Client.DeleteAsync($"/api/v1/companies/{company.Id}")).EnsureSuccessAsync();

        var history = await HistoryAsync(admin, "contacts", contact.Id);
        Assert.Equal("updated", history[0].Action);
        Assert.Equal(new FieldChange("companyId", company.Id.ToString(), null), Assert.Single(history[0].Changes));
        Assert.Equal(2, (await admin.GetContactAsync(contact.Id)).Version);
    }

    [Fact]
    public async Task CompanyHistory_RecordsMoneyAndAddressChanges()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = "Ledger", annualRevenue = new { amount = 1000.5m, currency = "EUR" } });
        await (await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}",
            new { annualRevenue = new { amount = 2000m, currency = "USD" }, address = new { city = "Lyon" } })).EnsureSuccessAsync();
        var changes = (await HistoryAsync(admin, "companies", company.Id))[0].Changes.ToDictionary(c => c.Field);
        Assert.Equal("1000.5", changes["annualRevenue"].Old);
        Assert.Equal("2000", changes["annualRevenue"].New);
        Assert.Equal(new FieldChange("annualRevenueCurrency", "EUR", "USD"), changes["annualRevenueCurrency"]);
        Assert.Equal(new FieldChange("city", null, "Lyon"), changes["city"]);
    }
}

public sealed class HistoryTestsOnSqlite(SqliteApp app) : HistoryTests(app), IClassFixture<SqliteApp>;

public sealed class HistoryTestsOnPostgres(PostgresApp app) : HistoryTests(app), IClassFixture<PostgresApp>;
