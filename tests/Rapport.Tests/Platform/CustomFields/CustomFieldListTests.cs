using System.Net;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Import;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Platform.CustomFields.CustomFieldClient;

namespace Rapport.Tests.Platform.CustomFields;

/// <summary>Custom fields in list filters and sorts (with keyset paging), exports and the CSV import.</summary>
public abstract class CustomFieldListTests(RapportApp app)
{
    private sealed record Crowd(ApiUser Admin, string Marker, string Tier, string Score, string Since, string Seen, string Vip, string Langs);

    private async Task<Crowd> CreateCrowdAsync()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var crowd = new Crowd(admin, UniqueName("m"), UniqueName("tier"), UniqueName("score"), UniqueName("since"), UniqueName("seen"),
            UniqueName("vip"), UniqueName("langs"));
        await admin.DefineAsync(new { @object = "contact", name = crowd.Tier, label = "Tier " + crowd.Tier, type = "select", options = new[] { "gold", "silver" } });
        await admin.DefineAsync(new { @object = "contact", name = crowd.Score, label = "Score " + crowd.Score, type = "decimal" });
        await admin.DefineAsync(new { @object = "contact", name = crowd.Since, label = "Since " + crowd.Since, type = "date" });
        await admin.DefineAsync(new { @object = "contact", name = crowd.Seen, label = "Seen " + crowd.Seen, type = "dateTime" });
        await admin.DefineAsync(new { @object = "contact", name = crowd.Vip, label = "VIP " + crowd.Vip, type = "boolean" });
        await admin.DefineAsync(new { @object = "contact", name = crowd.Langs, label = "Langs " + crowd.Langs, type = "multiSelect", options = new[] { "en", "de", "fr" } });
        var rows = new (string Name, string? Tier, decimal? Score, string? Since, string? Seen, bool? Vip, string[]? Langs)[]
        {
            ("Ash", "gold", 9.5m, "2024-01-10", "2025-01-01T08:00:00Z", true, ["en", "de"]),
            ("Birch", "silver", 100m, "2023-12-31", "2025-01-01T09:00:00+02:00", false, ["fr"]),
            ("Cedar", "gold", -2m, null, null, null, ["de"]),
            ("Dogwood", null, 9.5m, "2024-06-01", "2024-12-31T23:59:59Z", true, null),
            ("Elm", "silver", null, "2024-01-10", null, false, ["en"]),
        };
        foreach (var row in rows)
        {
            var values = new Dictionary<string, object?>
            {
                [crowd.Tier] = row.Tier, [crowd.Score] = row.Score, [crowd.Since] = row.Since, [crowd.Seen] = row.Seen,
                [crowd.Vip] = row.Vip, [crowd.Langs] = row.Langs,
            };
            await admin.CreateContactAsync(new { lastName = row.Name, tags = new[] { crowd.Marker }, customFields = values });
        }
        return crowd;
    }

    private static async Task<List<string>> MatchAsync(Crowd crowd, string filter, string sort = "lastName")
    {
        var url = $"/api/v1/contacts?limit=200&sort={Uri.EscapeDataString(sort)}&filter={Uri.EscapeDataString($"tags has '{crowd.Marker}' and ({filter})")}";
        var response = await crowd.Admin.Client.GetAsync(url);
        await response.EnsureSuccessAsync();
        return (await response.ReadAsync<Page<ContactResponse>>()).Data.Select(c => c.LastName).ToList();
    }

    [Fact]
    public async Task Filter_ByEachTypeOfCustomField_SelectsTheMatchingRecords()
    {
        var c = await CreateCrowdAsync();
        Assert.Equal(["Ash", "Cedar"], await MatchAsync(c, $"customFields.{c.Tier} eq 'gold'"));
        Assert.Equal(["Ash", "Cedar"], await MatchAsync(c, $"cf.{c.Tier} eq 'gold'"));
        Assert.Equal(["Birch", "Elm"], await MatchAsync(c, $"customFields.{c.Tier} in ('silver')"));
        Assert.Equal(["Dogwood"], await MatchAsync(c, $"customFields.{c.Tier} eq null"));
        Assert.Equal(["Ash", "Birch", "Dogwood"], await MatchAsync(c, $"customFields.{c.Score} ge 9.5"));
        Assert.Equal(["Cedar"], await MatchAsync(c, $"customFields.{c.Score} lt 0"));
        Assert.Equal(["Ash", "Dogwood", "Elm"], await MatchAsync(c, $"customFields.{c.Since} ge '2024-01-01'"));
        Assert.Equal(["Ash", "Elm"], await MatchAsync(c, $"customFields.{c.Since} eq '2024-01-10'"));
        Assert.Equal(["Ash", "Birch"], await MatchAsync(c, $"customFields.{c.Seen} ge '2025-01-01T00:00:00Z'"));
        Assert.Equal(["Birch"], await MatchAsync(c, $"customFields.{c.Seen} lt '2025-01-01T08:00:00Z' and customFields.{c.Seen} gt '2025-01-01T00:00:00Z'"));
        Assert.Equal(["Ash", "Dogwood"], await MatchAsync(c, $"customFields.{c.Vip} eq true"));
        Assert.Equal(["Birch", "Elm"], await MatchAsync(c, $"customFields.{c.Vip} eq false"));
        Assert.Equal(["Ash", "Cedar"], await MatchAsync(c, $"customFields.{c.Langs} has 'de'"));
        Assert.Equal(["Birch", "Dogwood"], await MatchAsync(c, $"not customFields.{c.Langs} has 'en' and not customFields.{c.Langs} has 'de'"));
    }

    [Theory]
    [InlineData("customFields.{score} eq 'high'", "customFields.")]
    [InlineData("customFields.{since} eq 'soon'", "date")]
    [InlineData("customFields.{langs} eq 'en'", "has")]
    [InlineData("customFields.{tier} has 'gold'", "has")]
    [InlineData("customFields.nothere eq 1", "customFields.nothere")]
    public async Task BadCustomFieldFilter_Is400(string template, string mentioned)
    {
        var c = await CreateCrowdAsync();
        var filter = template.Replace("{score}", c.Score).Replace("{since}", c.Since).Replace("{langs}", c.Langs).Replace("{tier}", c.Tier);
        var response = await c.Admin.Client.GetAsync($"/api/v1/contacts?filter={Uri.EscapeDataString(filter)}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sort_ByCustomFields_NullsLast_AndKeysetPagingWalksEveryRowOnce()
    {
        var c = await CreateCrowdAsync();
        Assert.Equal(["Cedar", "Ash", "Dogwood", "Birch", "Elm"], await MatchAsync(c, "lastName ne ''", $"customFields.{c.Score},lastName"));
        Assert.Equal(["Birch", "Ash", "Dogwood", "Cedar", "Elm"], await MatchAsync(c, "lastName ne ''", $"-customFields.{c.Score},lastName"));
        Assert.Equal(["Birch", "Ash", "Elm", "Dogwood", "Cedar"], await MatchAsync(c, "lastName ne ''", $"customFields.{c.Since},lastName"));
        Assert.Equal(["Dogwood", "Birch", "Ash", "Cedar", "Elm"], await MatchAsync(c, "lastName ne ''", $"customFields.{c.Seen}"));
        Assert.Equal(["Ash", "Cedar", "Birch", "Elm", "Dogwood"], await MatchAsync(c, "lastName ne ''", $"cf.{c.Tier}"));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/contacts?limit=2&sort=-customFields.{c.Score}&filter={Uri.EscapeDataString($"tags has '{c.Marker}'")}"
                      + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await c.Admin.Client.GetAsync(url)).ReadAsync<Page<ContactResponse>>();
            seen.AddRange(page.Data.Select(p => p.LastName));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(5, seen.Count);
        Assert.Equal(["Birch", "Cedar", "Elm"], new[] { seen[0], seen[3], seen[4] });
        Assert.Equal(["Ash", "Dogwood"], seen[1..3].Order());

        var multi = await c.Admin.Client.GetAsync($"/api/v1/contacts?sort=customFields.{c.Langs}");
        await multi.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_HasAColumnPerActiveCustomField_AndTheImportReadsItBack()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = UniqueName("x");
        var (tier, score, old) = (UniqueName("tier"), UniqueName("score"), UniqueName("old"));
        await admin.DefineAsync(new { @object = "contact", name = tier, label = "Tier " + tier, type = "select", options = new[] { "gold", "silver" } });
        await admin.DefineAsync(new { @object = "contact", name = score, label = "Email", type = "number" });
        var archived = await admin.DefineAsync(new { @object = "contact", name = old, label = "Old " + old, type = "text" });
        await admin.CreateContactAsync(new
        {
            lastName = "Exported", emails = new[] { new { address = $"{marker}@export.example" } }, tags = new[] { marker },
            customFields = new Dictionary<string, object> { [tier] = "gold", [score] = 12.5m, [old] = "kept" },
        });
        await admin.ArchiveAsync(archived.Id);

        var csv = await admin.Client.GetByteArrayAsync($"/api/v1/contacts/export.csv?filter={Uri.EscapeDataString($"tags has '{marker}'")}");
        var row = ExportFiles.ReadCsv(csv).Single();
        Assert.Equal("gold", row["Tier " + tier]);
        // The label "Email" would repeat the contact's own Email column: the header names the field instead.
        Assert.Equal("12.5", row["cf:" + score]);
        Assert.False(row.ContainsKey("Old " + old));
        var xlsx = await admin.Client.GetByteArrayAsync($"/api/v1/contacts/export.xlsx?filter={Uri.EscapeDataString($"customFields.{tier} eq 'gold' and tags has '{marker}'")}");
        Assert.Equal("gold", ExportFiles.ReadXlsx(xlsx).Single()["Tier " + tier]);

        // The same headers import back into the same fields; a value of the wrong type is a row error.
        var again = UniqueName("y");
        var file = ImportClient.Utf8($"Last name,Tags,Tier {tier},cf:{score}\r\nImported,{again},silver,7\r\nBad,{again},bronze,x\r\n");
        var preview = await (await admin.Client.PostAsync("/api/v1/imports/preview", ImportClient.Form(file))).ReadJsonAsync();
        var mapped = preview.GetProperty("columns").EnumerateArray().ToDictionary(col => col.GetProperty("header").GetString()!, col => col.GetProperty("field").GetString());
        Assert.Equal($"customFields.{tier}", mapped["Tier " + tier]);
        Assert.Equal($"customFields.{score}", mapped["cf:" + score]);
        var job = await admin.Client.ImportAsync(file);
        Assert.Equal(1, job.Created);
        var imported = (await (await admin.Client.GetAsync($"/api/v1/contacts?filter={Uri.EscapeDataString($"tags has '{again}'")}"))
            .ReadAsync<Page<ContactResponse>>()).Data.Single();
        Assert.Equal("silver", imported.CustomFields.Value(tier));
        Assert.Equal(7m, imported.CustomFields.Value(score));
        var errors = await (await admin.Client.GetAsync($"/api/v1/imports/{job.Id}/errors.csv")).Content.ReadAsStringAsync();
        Assert.Contains("bronze", errors);
    }
}

public sealed class CustomFieldListTestsOnSqlite(SqliteApp app) : CustomFieldListTests(app), IClassFixture<SqliteApp>;

public sealed class CustomFieldListTestsOnPostgres(PostgresApp app) : CustomFieldListTests(app), IClassFixture<PostgresApp>;
