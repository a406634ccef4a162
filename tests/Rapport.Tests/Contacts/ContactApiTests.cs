using System.Net;
using System.Text.Json;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Contacts;

public abstract class ContactApiTests(RapportApp app)
{
    [Fact]
    public async Task CreateContact_WithEveryField_GetReturnsExactlyWhatCreateReturned()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var company = await admin.CreateCompanyAsync(new { name = "Wayne Enterprises" });

        var created = await admin.Client.PostJsonAsync("/api/v1/contacts", new
        {
            firstName = " Lucius ",
            lastName = "Fox",
            emails = new object[]
            {
                new { address = "lucius@home.example", label = "personal", primary = false },
                new { address = "lucius.fox@wayne.example", label = "work", primary = true },
            },
            phones = new object[]
            {
                new { number = "+1 555 0100", label = "office", primary = true },
                new { number = "+1 555 0199", label = "mobile", primary = false },
            },
            jobTitle = "CEO",
            companyId = company.Id,
            address = new { street = "1007 Mountain Drive", city = "Gotham", region = "NJ", postalCode = "07001", country = "USA" },
            lifecycleStage = "opportunity",
            source = "Referral",
            ownerId = rep.Id,
            tags = new[] { "board", "Board", " tech " },
            notes = "Prefers email.\nNever calls after 6pm.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var createdJson = await created.Content.ReadAsStringAsync();
        var contact = JsonSerializer.Deserialize<ContactResponse>(createdJson, Json.Options)!;
        Assert.Equal($"/api/v1/contacts/{contact.Id}", created.Headers.Location?.ToString());

        Assert.Equal("Lucius", contact.FirstName);
        Assert.Equal("Lucius Fox", contact.FullName);
        Assert.Equal("lucius.fox@wayne.example", contact.PrimaryEmail);
        Assert.Equal([false, true], contact.Emails.Select(e => e.Primary));
        Assert.Equal("+1 555 0100", contact.PrimaryPhone);
        Assert.Equal(2, contact.Phones.Count);
        Assert.Equal(new CompanyRef(company.Id, "Wayne Enterprises"), contact.Company);
        Assert.Equal("Gotham", contact.Address.City);
        Assert.Equal("07001", contact.Address.PostalCode);
        Assert.Equal(LifecycleStage.Opportunity, contact.LifecycleStage);
        Assert.Equal("Referral", contact.Source);
        Assert.Equal(rep.Id, contact.OwnerId);
        Assert.Equal(["board", "tech"], contact.Tags);
        Assert.Equal("Prefers email.\nNever calls after 6pm.", contact.Notes);
        Assert.Equal(admin.Id, contact.CreatedById);
        Assert.Equal(1, contact.Version);

        var fetched = await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}");
        Assert.Equal("\"1\"", fetched.Headers.ETag?.Tag);
        // Byte for byte: timestamps included, so what a client caches from the POST matches a later GET.
        Assert.Equal(createdJson, await fetched.Content.ReadAsStringAsync());
        var raw = JsonDocument.Parse(createdJson).RootElement;
        Assert.Equal("opportunity", raw.GetProperty("lifecycleStage").GetString());
        Assert.Equal(["street", "city", "region", "postalCode", "country"],
            raw.GetProperty("address").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("subscriber")]
    [InlineData("lead")]
    [InlineData("mql")]
    [InlineData("sql")]
    [InlineData("opportunity")]
    [InlineData("customer")]
    [InlineData("evangelist")]
    [InlineData("other")]
    public async Task LifecycleStage_EachValueRoundTripsAndFilters(string stage)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = "stage" + Guid.NewGuid().ToString("N")[..10];
        var contact = await admin.CreateContactAsync(new { lastName = "Staged", lifecycleStage = stage, tags = new[] { marker } });
        var raw = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}")).ReadJsonAsync();
        Assert.Equal(stage, raw.GetProperty("lifecycleStage").GetString());

        var page = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}' and lifecycleStage eq '{stage}'"))
            .ReadAsync<Rapport.Platform.Api.Listing.Page<ContactResponse>>();
        Assert.Equal(contact.Id, Assert.Single(page.Data).Id);
    }

    [Fact]
    public async Task CreateContact_WithoutStage_IsALead_AndUnknownStageIs400()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { firstName = "Default" });
        Assert.Equal(LifecycleStage.Lead, contact.LifecycleStage);

        var unknown = await admin.Client.PostAsync("/api/v1/contacts", Json.Raw("""{"lastName":"X","lifecycleStage":"prospect"}"""));
        var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("lifecycleStage", problem.GetProperty("detail").GetString());
        var number = await admin.Client.PostAsync("/api/v1/contacts", Json.Raw("""{"lastName":"X","lifecycleStage":2}"""));
        await number.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateContact_WithoutAnyPrimary_MakesTheFirstEmailAndPhonePrimary()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new
        {
            lastName = "Nobody-Primary",
            emails = new[] { new { address = "first@example.com" }, new { address = "second@example.com" } },
            phones = new[] { new { number = "030 1234" } },
        });
        Assert.Equal([true, false], contact.Emails.Select(e => e.Primary));
        Assert.Equal("first@example.com", contact.PrimaryEmail);
        Assert.True(Assert.Single(contact.Phones).Primary);
        Assert.Equal("030 1234", contact.PrimaryPhone);
    }

    [Fact]
    public async Task CreateContact_TwoPrimariesOrTheSameEmailTwice_Returns400PerListAndStoresNothing()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var before = await app.CountStoredAsync();
        var twoPrimary = await admin.Client.PostJsonAsync("/api/v1/contacts", new
        {
            lastName = "Twice",
            emails = new[] { new { address = "a@example.com", primary = true }, new { address = "b@example.com", primary = true } },
            phones = new[] { new { number = "111 111", primary = true }, new { number = "222 222", primary = true } },
        });
        var errors = (await twoPrimary.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("primary", errors.GetProperty("emails")[0].GetString());
        Assert.Contains("primary", errors.GetProperty("phones")[0].GetString());

        var duplicate = await admin.Client.PostJsonAsync("/api/v1/contacts", new
        {
            lastName = "Twice",
            emails = new[] { new { address = "Same@example.com" }, new { address = "same@EXAMPLE.com" } },
        });
        errors = (await duplicate.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("emails", out _));

        var badAddress = await admin.Client.PostJsonAsync("/api/v1/contacts", new
        {
            lastName = "Twice",
            emails = new[] { new { address = "fine@example.com" }, new { address = "not an email" } },
            phones = new[] { new { number = "call me maybe" } },
        });
        errors = (await badAddress.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("emails[1].address", out _));
        Assert.True(errors.TryGetProperty("phones[0].number", out _));
        Assert.Equal(before, await app.CountStoredAsync());
    }

    [Fact]
    public async Task CreateContact_WithNoNameAndNoEmail_Returns400()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.PostJsonAsync("/api/v1/contacts", new { jobTitle = "Ghost", firstName = "   " });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lastName", out _));

        var emailOnly = await admin.CreateContactAsync(new { emails = new[] { new { address = "only@example.com" } } });
        Assert.Equal("", emailOnly.FullName);
    }

    [Fact]
    public async Task CreateContact_WithUnknownCompanyOrOwner_Returns400NamingTheField()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.PostJsonAsync("/api/v1/contacts",
            new { lastName = "Dangling", companyId = Guid.NewGuid(), ownerId = Guid.NewGuid() });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("companyId", out _));
        Assert.True(errors.TryGetProperty("ownerId", out _));
    }

    [Fact]
    public async Task PatchContact_ChangesOnlyWhatIsSent_NestedNullClearsOneAddressField()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = "Acme" });
        var contact = await admin.CreateContactAsync(new
        {
            firstName = "Wile",
            lastName = "Coyote",
            emails = new[] { new { address = "wile@acme.example", primary = true } },
            companyId = company.Id,
            address = new { street = "Desert Road 1", city = "Mesa" },
            tags = new[] { "customer-zero" },
            notes = "Buys a lot.",
        });

        var patched = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new Dictionary<string, object?>
        {
            ["emails"] = new object[]
            {
                new { address = "wile@acme.example", primary = false },
                new { address = "genius@acme.example", label = "work", primary = true },
            },
            ["address"] = new Dictionary<string, object?> { ["city"] = null },
            ["lifecycleStage"] = "customer",
            ["companyId"] = null,
            ["notes"] = null,
        }, "\"1\"");
        await patched.EnsureSuccessAsync();
        Assert.Equal("\"2\"", patched.Headers.ETag?.Tag);
        var body = await patched.ReadAsync<ContactResponse>();
        Assert.Equal("genius@acme.example", body.PrimaryEmail);
        Assert.Equal("Desert Road 1", body.Address.Street);
        Assert.Null(body.Address.City);
        Assert.Equal(LifecycleStage.Customer, body.LifecycleStage);
        Assert.Null(body.Company);
        Assert.Null(body.Notes);
        Assert.Equal("Wile", body.FirstName);
        Assert.Equal(["customer-zero"], body.Tags);
        Assert.Equal(2, body.Version);

        var stored = await admin.GetContactAsync(contact.Id);
        Assert.Equal("genius@acme.example", stored.PrimaryEmail);
        Assert.Null(stored.Company);
    }

    [Fact]
    public async Task PatchContact_ThatChangesNothing_KeepsTheVersionAndWritesNoHistory()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var contact = await admin.CreateContactAsync(new { firstName = "Same", lastName = "Old", tags = new[] { "a" } });
        var patched = await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { firstName = "Same", tags = new[] { "a" } });
        await patched.EnsureSuccessAsync();
        Assert.Equal("\"1\"", patched.Headers.ETag?.Tag);
        var history = await (await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}/history")).ReadJsonAsync();
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task DeleteContact_Returns204_ThenItIsGoneFromGetAndList()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = "gone" + Guid.NewGuid().ToString("N")[..10];
        var contact = await admin.CreateContactAsync(new { lastName = "Temporary", tags = new[] { marker } });
        var deleted = await admin.Client.DeleteAsync($"/api/v1/contacts/{contact.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await admin.Client.GetAsync($"/api/v1/contacts/{contact.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Client.DeleteAsync($"/api/v1/contacts/{contact.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var page = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'"))
            .ReadAsync<Rapport.Platform.Api.Listing.Page<ContactResponse>>();
        Assert.Empty(page.Data);
    }
}

public sealed class ContactApiTestsOnSqlite(SqliteApp app) : ContactApiTests(app), IClassFixture<SqliteApp>;

public sealed class ContactApiTestsOnPostgres(PostgresApp app) : ContactApiTests(app), IClassFixture<PostgresApp>;
