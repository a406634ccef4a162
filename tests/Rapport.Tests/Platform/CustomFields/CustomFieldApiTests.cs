using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Data;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.CustomFields;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Platform.CustomFields.CustomFieldClient;

namespace Rapport.Tests.Platform.CustomFields;

/// <summary>Defining custom fields and setting their values on contacts and companies through the API.</summary>
public abstract class CustomFieldApiTests(RapportApp app)
{
    [Fact]
    public async Task Define_ListAndGet_ShowTheField()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = UniqueName("tier");
        var field = await admin.DefineAsync(new
        {
            @object = "contact", name, label = "Tier", type = "select", options = new[] { "gold", "silver" },
            helpText = "Contract tier", defaultValue = "silver",
        });

        Assert.Equal("contact", field.ObjectType);
        Assert.Equal(CustomFieldType.Select, field.Type);
        Assert.Equal(["gold", "silver"], field.Options);
        Assert.Equal("silver", field.DefaultValue?.GetString());
        var list = await (await admin.Client.GetAsync("/api/v1/custom-fields?object=contact")).ReadAsync<CustomFieldList>();
        Assert.Contains(list.Data, f => f.Name == name && f.Label == "Tier" && f.HelpText == "Contract tier");
        var one = await admin.Client.GetAsync($"/api/v1/custom-fields/{field.Id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.NotNull(one.Headers.ETag);
        var companies = await (await admin.Client.GetAsync("/api/v1/custom-fields?object=company")).ReadAsync<CustomFieldList>();
        Assert.DoesNotContain(companies.Data, f => f.Name == name);
    }

    [Fact]
    public async Task Defining_AFilterableField_GivesPostgresStatisticsOnItsValues()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tier = UniqueName("tier");
        var seats = UniqueName("seats");
        var labels = UniqueName("labels");
        await admin.DefineAsync(new { @object = "contact", name = tier, label = "Tier", type = "select", options = new[] { "gold" } });
        await admin.DefineAsync(new { @object = "company", name = seats, label = "Seats", type = "number" });
        await admin.DefineAsync(new { @object = "contact", name = labels, label = "Labels", type = "multiselect", options = new[] { "a" } });

        // Without them PostgreSQL guesses 0.5 % of rows match any filter on the field and plans a full scan;
        // SQLite's planner needs none.
        if (app.Provider != DatabaseProvider.Postgres) return;
        var statistics = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Database
            .SqlQueryRaw<string>("SELECT stxname::text AS \"Value\" FROM pg_statistic_ext").ToListAsync());
        Assert.Contains($"cf_contact_{tier}", statistics);
        Assert.Contains($"cf_company_{seats}", statistics);
        Assert.DoesNotContain($"cf_contact_{labels}", statistics);
    }

    [Fact]
    public async Task NonAdmins_CannotDefineOrChangeFields_ButCanReadThem()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var manager = await app.CreateUserAsync(Roles.Manager);
        var readOnlyAdmin = await app.CreateUserAsync(Roles.Admin, ApiKeyScope.Read);
        var field = await admin.DefineAsync(new { @object = "company", name = UniqueName("region"), label = "Region", type = "text" });

        var create = await manager.Client.PostJsonAsync("/api/v1/custom-fields", new { @object = "company", name = "sneaky", label = "S", type = "text" });
        await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await readOnlyAdmin.Client.PostJsonAsync("/api/v1/custom-fields", new { @object = "company", name = "sneaky", label = "S", type = "text" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.Client.PatchJsonAsync($"/api/v1/custom-fields/{field.Id}", new { label = "Mine" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.Client.PostAsync($"/api/v1/custom-fields/{field.Id}/archive", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await readOnlyAdmin.Client.PostAsync($"/api/v1/custom-fields/{field.Id}/archive", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync("/api/v1/custom-fields")).StatusCode);
    }

    [Theory]
    [InlineData("Tier")]
    [InlineData("1tier")]
    [InlineData("tier-level")]
    [InlineData("tier level")]
    [InlineData("tier;drop")]
    [InlineData("tïer")]
    [InlineData("")]
    [InlineData("averyveryveryveryveryveryveryveryveryverylongname12")]
    public async Task Define_WithAnUnsafeName_Is400NamingName(string name)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.PostJsonAsync("/api/v1/custom-fields", new { @object = "contact", name, label = "X", type = "text" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }

    [Fact]
    public async Task Define_BadDefinitions_Are400_AndADuplicateNameIs409()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = UniqueName("size");
        await admin.DefineAsync(new { @object = "contact", name, label = "Size", type = "number" });

        await (await admin.Client.PostJsonAsync("/api/v1/custom-fields", new { @object = "contact", name, label = "Again", type = "text" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.Client.PostJsonAsync("/api/v1/custom-fields", new { @object = "contact", name = name.ToUpperInvariant()[..1].ToLowerInvariant() + name[1..].ToUpperInvariant(), label = "Case", type = "text" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        // The same name on another record type is a different field.
        await admin.DefineAsync(new { @object = "company", name, label = "Size", type = "number" });
        var bad = new object[]
        {
            new { @object = "deal", name = UniqueName("x"), label = "X", type = "text" },
            new { @object = "contact", name = UniqueName("x"), label = "X", type = "colour" },
            new { @object = "contact", name = UniqueName("x"), label = "X", type = "select" },
            new { @object = "contact", name = UniqueName("x"), label = "X", type = "select", options = new[] { "a,b" } },
            new { @object = "contact", name = UniqueName("x"), label = "X", type = "text", options = new[] { "a" } },
            new { @object = "contact", name = UniqueName("x"), label = "X", type = "number", defaultValue = "ten" },
            new { @object = "contact", name = UniqueName("x"), label = "", type = "text" },
        };
        foreach (var body in bad)
            await (await admin.Client.PostJsonAsync("/api/v1/custom-fields", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Update_ChangesLabelOptionsAndHelp_ButNotNameOrType()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var field = await admin.DefineAsync(new { @object = "contact", name = UniqueName("plan"), label = "Plan", type = "select", options = new[] { "free" } });

        var response = await admin.Client.PatchJsonAsync($"/api/v1/custom-fields/{field.Id}",
            new { label = "Pricing plan", options = new[] { "free", "pro" }, helpText = "What they pay for", required = true, defaultValue = "free" });
        await response.EnsureSuccessAsync();
        var updated = await response.ReadAsync<CustomFieldResponse>();
        Assert.Equal(("Pricing plan", true, "What they pay for"), (updated.Label, updated.Required, updated.HelpText));
        Assert.Equal(["free", "pro"], updated.Options);
        await admin.Client.PatchJsonAsync($"/api/v1/custom-fields/{field.Id}", new { required = false });

        await (await admin.Client.PatchJsonAsync($"/api/v1/custom-fields/{field.Id}", new { name = "renamed" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PatchJsonAsync($"/api/v1/custom-fields/{field.Id}", new { type = "text" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PatchJsonAsync($"/api/v1/custom-fields/{field.Id}", new { label = "x" }, ifMatch: "\"1\""))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task ContactValues_AreStoredInCanonicalForm_AndReturnedInGetAndList()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var (text, size, price, since, seen, active, tier, langs, mail, tel, site, bio) = (UniqueName("t"), UniqueName("n"),
            UniqueName("d"), UniqueName("da"), UniqueName("dt"), UniqueName("b"), UniqueName("s"), UniqueName("m"), UniqueName("e"),
            UniqueName("p"), UniqueName("u"), UniqueName("l"));
        await admin.DefineAsync(new { @object = "contact", name = text, label = "Nickname", type = "text" });
        await admin.DefineAsync(new { @object = "contact", name = size, label = "Size", type = "number" });
        await admin.DefineAsync(new { @object = "contact", name = price, label = "Price", type = "decimal" });
        await admin.DefineAsync(new { @object = "contact", name = since, label = "Since", type = "date" });
        await admin.DefineAsync(new { @object = "contact", name = seen, label = "Seen", type = "dateTime" });
        await admin.DefineAsync(new { @object = "contact", name = active, label = "Active", type = "boolean" });
        await admin.DefineAsync(new { @object = "contact", name = tier, label = "Tier", type = "select", options = new[] { "Gold", "Silver" } });
        await admin.DefineAsync(new { @object = "contact", name = langs, label = "Languages", type = "multiSelect", options = new[] { "en", "de", "fr" } });
        await admin.DefineAsync(new { @object = "contact", name = mail, label = "Other email", type = "email" });
        await admin.DefineAsync(new { @object = "contact", name = tel, label = "Other phone", type = "phone" });
        await admin.DefineAsync(new { @object = "contact", name = site, label = "Site", type = "url" });
        await admin.DefineAsync(new { @object = "contact", name = bio, label = "Bio", type = "longText" });

        var contact = await admin.CreateContactAsync(new
        {
            lastName = "Typed",
            customFields = new Dictionary<string, object?>
            {
                [text] = "  Ace  ", [size] = 42, [price] = 10.50m, [since] = "2024-02-29", [seen] = "2025-03-01T15:30:00+01:00",
                [active] = true, [tier] = "gold", [langs] = new[] { "de", "en", "de" }, [mail] = "a@b.example",
                [tel] = "+49 30 1234", [site] = "https://example.com/x", [bio] = "Line 1\nLine 2",
            },
        });

        var values = (await admin.GetContactAsync(contact.Id)).CustomFields;
        Assert.Equal("Ace", values.Value(text));
        Assert.Equal(42m, values.Value(size));
        Assert.Equal(10.5m, values.Value(price));
        Assert.Equal("2024-02-29", values.Value(since));
        Assert.Equal("2025-03-01T14:30:00Z", values.Value(seen));
        Assert.Equal(true, values.Value(active));
        Assert.Equal("Gold", values.Value(tier));
        Assert.Equal("de|en", values.Value(langs));
        Assert.Equal("https://example.com/x", values.Value(site));
        Assert.Equal("Line 1\nLine 2", values.Value(bio));
        var page = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=id eq '{contact.Id}'"))
            .ReadAsync<Rapport.Platform.Api.Listing.Page<Rapport.Contacts.People.ContactResponse>>();
        Assert.Equal("Gold", page.Data.Single().CustomFields.Value(tier));
    }

    [Theory]
    [InlineData("number", "\"12\"", "expected a number")]
    [InlineData("number", "true", "expected a number")]
    [InlineData("decimal", "1.23456", "decimal")]
    [InlineData("date", "\"01/02/2024\"", "date")]
    [InlineData("date", "\"2024-02-30\"", "date")]
    [InlineData("dateTime", "\"yesterday\"", "ISO 8601")]
    [InlineData("boolean", "\"yes\"", "true or false")]
    [InlineData("select", "\"bronze\"", "one of")]
    [InlineData("multiSelect", "\"a\"", "list")]
    [InlineData("multiSelect", "[\"a\",\"z\"]", "not an option")]
    [InlineData("email", "\"not an email\"", "email")]
    [InlineData("phone", "\"call me\"", "phone")]
    [InlineData("url", "\"javascript:alert(1)\"", "URL")]
    [InlineData("text", "42", "text")]
    public async Task WrongType_Is400_WhoseDetailNamesTheField(string type, string json, string expected)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = UniqueName("f");
        await admin.DefineAsync(new { @object = "contact", name, label = "F", type, options = type.Contains("elect") ? new[] { "a", "b" } : null });
        var before = await app.CountStoredAsync();

        var response = await admin.Client.PostAsync("/api/v1/contacts",
            Json.Raw($$$"""{"lastName":"Wrong","customFields":{"{{{name}}}":{{{json}}}}}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"customFields.{name}", problem.GetProperty("detail").GetString());
        var message = problem.GetProperty("errors").GetProperty($"customFields.{name}")[0].GetString()!;
        Assert.Contains(expected, message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.CountStoredAsync());
    }

    [Fact]
    public async Task UnknownCustomField_Is400()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "Unknown", customFields = new { noSuchField = 1 } });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("customFields.noSuchField", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RequiredAndDefault_AppliedOnCreate_AndARequiredValueCannotBeRemoved()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var (required, defaulted) = (UniqueName("req"), UniqueName("def"));
        var requiredField = await admin.DefineAsync(new { @object = "company", name = required, label = "Account number", type = "text", required = true });
        var defaultedField = await admin.DefineAsync(new { @object = "company", name = defaulted, label = "Score", type = "number", defaultValue = 5 });
        try
        {
            var missing = await admin.Client.PostJsonAsync("/api/v1/companies", new { name = "No number" });
            var problem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains($"customFields.{required}", problem.GetProperty("detail").GetString());

            var company = await admin.CreateCompanyAsync(new { name = "Numbered", customFields = new Dictionary<string, object> { [required] = "A-1" } });
            Assert.Equal(5m, company.CustomFields.Value(defaulted));
            Assert.Equal("A-1", company.CustomFields.Value(required));

            // null removes a value in a merge patch: allowed for the optional field, refused for the required one.
            var removeOptional = await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}",
                new { customFields = new Dictionary<string, object?> { [defaulted] = null } });
            await removeOptional.EnsureSuccessAsync();
            var after = await removeOptional.ReadAsync<Rapport.Contacts.Companies.CompanyResponse>();
            Assert.Null(after.CustomFields.Value(defaulted));
            Assert.Equal("A-1", after.CustomFields.Value(required));
            var removeRequired = await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}",
                new { customFields = new Dictionary<string, object?> { [required] = null } });
            await removeRequired.AssertProblemAsync(HttpStatusCode.BadRequest);
            // Other changes leave the custom values alone.
            var rename = await admin.Client.PatchJsonAsync($"/api/v1/companies/{company.Id}", new { name = "Renamed" });
            await rename.EnsureSuccessAsync();
            Assert.Equal("A-1", (await rename.ReadAsync<Rapport.Contacts.Companies.CompanyResponse>()).CustomFields.Value(required));
        }
        finally
        {
            // Other tests in this class create companies: a required field must not outlive this one.
            await admin.ArchiveAsync(requiredField.Id);
            await admin.ArchiveAsync(defaultedField.Id);
        }
    }

    [Fact]
    public async Task ArchivedField_KeepsItsValues_ReadableButNotChangeable_UntilUnarchived()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var name = UniqueName("legacy");
        var field = await admin.DefineAsync(new { @object = "contact", name, label = "Legacy id", type = "text" });
        var contact = await admin.CreateContactAsync(new { lastName = "Archived", customFields = new Dictionary<string, object> { [name] = "L-7" } });

        await admin.ArchiveAsync(field.Id);

        var listed = await (await admin.Client.GetAsync("/api/v1/custom-fields?object=contact")).ReadAsync<CustomFieldList>();
        Assert.True(listed.Data.Single(f => f.Id == field.Id).Archived);
        Assert.Equal("L-7", (await admin.GetContactAsync(contact.Id)).CustomFields.Value(name));
        var edit = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { jobTitle = "Still here" });
        await edit.EnsureSuccessAsync();
        Assert.Equal("L-7", (await admin.GetContactAsync(contact.Id)).CustomFields.Value(name));
        var change = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { customFields = new Dictionary<string, object> { [name] = "L-8" } });
        var problem = await change.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("archived", problem.GetProperty("detail").GetString());
        var filtered = await admin.Client.GetAsync($"/api/v1/contacts?filter={Uri.EscapeDataString($"customFields.{name} eq 'L-7'")}");
        await filtered.EnsureSuccessAsync();

        await (await admin.Client.PostAsync($"/api/v1/custom-fields/{field.Id}/unarchive", null)).EnsureSuccessAsync();
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { customFields = new Dictionary<string, object> { [name] = "L-8" } }))
            .EnsureSuccessAsync();
        Assert.Equal("L-8", (await admin.GetContactAsync(contact.Id)).CustomFields.Value(name));
    }

    [Fact]
    public async Task Merge_KeepsTheSurvivorsValues_AndFillsItsEmptyFieldsFromTheOtherRecord()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var (tier, region) = (UniqueName("tier"), UniqueName("region"));
        await admin.DefineAsync(new { @object = "contact", name = tier, label = "Tier", type = "text" });
        await admin.DefineAsync(new { @object = "contact", name = region, label = "Region", type = "text" });
        var survivor = await admin.CreateContactAsync(new { lastName = "Keeper", customFields = new Dictionary<string, object> { [tier] = "gold" } });
        var other = await admin.CreateContactAsync(new { lastName = "Goner", customFields = new Dictionary<string, object> { [tier] = "silver", [region] = "north" } });

        var response = await admin.Client.PostJsonAsync($"/api/v1/contacts/{survivor.Id}/merge", new { mergeId = other.Id });

        await response.EnsureSuccessAsync();
        var values = (await admin.GetContactAsync(survivor.Id)).CustomFields;
        Assert.Equal(("gold", "north"), (values.Value(tier), values.Value(region)));
    }
}

public sealed class CustomFieldApiTestsOnSqlite(SqliteApp app) : CustomFieldApiTests(app), IClassFixture<SqliteApp>;

public sealed class CustomFieldApiTestsOnPostgres(PostgresApp app) : CustomFieldApiTests(app), IClassFixture<PostgresApp>;
