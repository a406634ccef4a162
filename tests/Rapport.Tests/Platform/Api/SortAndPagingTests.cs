using System.Net;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Api;

/// <summary>Multi-field sort and keyset paging (limit, cursor) as docs/api.md describes them.</summary>
public abstract class SortAndPagingTests(RapportApp app)
{
    private static readonly string[] Cities = ["Oslo", "Lima", null!, "Kyiv", "Lima"];

    private async Task<(ApiUser Admin, string Marker, List<ContactResponse> Created)> CreateManyAsync(int count)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var marker = "p" + Guid.NewGuid().ToString("N")[..12];
        var created = new List<ContactResponse>();
        for (var i = 0; i < count; i++)
        {
            // Few distinct last names and cities, so ties (broken by id) and nulls are everywhere.
            created.Add(await admin.CreateContactAsync(new
            {
                firstName = $"N{i:D2}",
                lastName = (i % 3) switch { 0 => "Lee", 1 => "Ng", _ => "Abe" },
                address = new { city = Cities[i % Cities.Length] },
                tags = new[] { marker },
            }));
        }
        return (admin, marker, created);
    }

    private static async Task<List<ContactResponse>> WalkAsync(ApiUser user, string query, int limit, Func<int, Task>? betweenPages = null)
    {
        var seen = new List<ContactResponse>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/contacts?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var response = await user.Client.GetAsync(url);
            await response.EnsureSuccessAsync();
            var page = await response.ReadAsync<Page<ContactResponse>>();
            Assert.True(page.Data.Count <= limit);
            seen.AddRange(page.Data);
            cursor = page.NextCursor;
            if (betweenPages is not null) await betweenPages(++pages);
            Assert.True(pages < 100, "paging does not end");
        }
        while (cursor is not null);
        return seen;
    }

    [Fact]
    public async Task MultiFieldSort_OrdersByEachKeyInTurn_NullsLast_IdBreaksTies()
    {
        var (admin, marker, created) = await CreateManyAsync(10);
        var response = await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'&sort=-city,lastName&limit=200");
        var rows = (await response.ReadAsync<Page<ContactResponse>>()).Data;

        var expected = created
            .OrderBy(c => c.Address.City is null)
            .ThenByDescending(c => c.Address.City, StringComparer.Ordinal)
            .ThenBy(c => c.LastName, StringComparer.Ordinal)
            .ThenBy(c => c.Id)
            .Select(c => c.Id);
        Assert.Equal(expected, rows.Select(c => c.Id));
        Assert.Null(rows[^1].Address.City);
    }

    [Fact]
    public async Task DefaultSort_IsLastNameThenFirstName()
    {
        var (admin, marker, created) = await CreateManyAsync(6);
        var rows = (await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'")).ReadAsync<Page<ContactResponse>>()).Data;
        Assert.Equal(created.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => c.Id), rows.Select(c => c.Id));
    }

    [Theory]
    [InlineData("sort=-city,lastName")]
    [InlineData("sort=-createdAt")]
    [InlineData("sort=city,-firstName")]
    [InlineData("sort=lastName")]
    // Ascending on non-null columns: on PostgreSQL the cursor becomes one row comparison, (lastName, firstName, id) > (…).
    [InlineData("sort=lastName,firstName")]
    [InlineData("sort=createdAt")]
    public async Task KeysetPaging_WalksEveryRecordOnceInTheSameOrderAsOnePage(string sort)
    {
        var (admin, marker, created) = await CreateManyAsync(17);
        var query = $"filter=tags has '{marker}'&{sort}";
        var all = (await (await admin.Client.GetAsync($"/api/v1/contacts?{query}&limit=200")).ReadAsync<Page<ContactResponse>>()).Data;
        Assert.Equal(17, all.Count);

        var walked = await WalkAsync(admin, query, limit: 4);
        Assert.Equal(all.Select(c => c.Id), walked.Select(c => c.Id));
        Assert.Equal(created.Select(c => c.Id).Order(), walked.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task KeysetPaging_RecordsInsertedWhilePaging_NeverCauseRepeatsOrSkips()
    {
        var (admin, marker, created) = await CreateManyAsync(9);
        var inserted = new List<ContactResponse>();
        var walked = await WalkAsync(admin, $"filter=tags has '{marker}'&sort=createdAt", limit: 3, async page =>
        {
            if (page > 2) return;
            // Sorted by createdAt, every insert lands after the cursor: each must show up exactly once.
            inserted.Add(await admin.CreateContactAsync(new { lastName = $"Late{page}", tags = new[] { marker } }));
        });
        var expected = created.Concat(inserted).Select(c => c.Id).ToList();
        Assert.Equal(expected, walked.Select(c => c.Id));
    }

    [Fact]
    public async Task KeysetPaging_ARowInsertedBeforeTheCursor_IsNotReturnedAndNothingRepeats()
    {
        var (admin, marker, created) = await CreateManyAsync(6);
        var query = $"filter=tags has '{marker}'&sort=lastName";
        var first = await (await admin.Client.GetAsync($"/api/v1/contacts?{query}&limit=3")).ReadAsync<Page<ContactResponse>>();
        await admin.CreateContactAsync(new { lastName = "Aaron", tags = new[] { marker } }); // sorts first, before the cursor
        var rest = await (await admin.Client.GetAsync($"/api/v1/contacts?{query}&limit=200&cursor={Uri.EscapeDataString(first.NextCursor!)}"))
            .ReadAsync<Page<ContactResponse>>();
        var walked = first.Data.Concat(rest.Data).Select(c => c.Id).ToList();
        Assert.Equal(created.Select(c => c.Id).Order(), walked.Order());
        Assert.Null(rest.NextCursor);
    }

    [Fact]
    public async Task Limit_DefaultsTo50_Accepts200_AndTheLastPageHasNoCursor()
    {
        var (admin, marker, _) = await CreateManyAsync(3);
        var page = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'&limit=200")).ReadAsync<Page<ContactResponse>>();
        Assert.Equal(3, page.Data.Count);
        Assert.Null(page.NextCursor);
        var exact = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'&limit=3")).ReadAsync<Page<ContactResponse>>();
        Assert.Null(exact.NextCursor);
        var one = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'&limit=1")).ReadAsync<Page<ContactResponse>>();
        Assert.NotNull(one.NextCursor);

        for (var i = 0; i < 52; i++) await admin.CreateContactAsync(new { lastName = "Bulk", tags = new[] { marker + "b" } });
        var byDefault = await (await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}b'")).ReadAsync<Page<ContactResponse>>();
        Assert.Equal(50, byDefault.Data.Count);
        Assert.NotNull(byDefault.NextCursor);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("sort=salary", "salary")]
    [InlineData("sort=tags", "tags")]
    [InlineData("sort=lastName,lastName", "twice")]
    [InlineData("sort=lastName,firstName,city,createdAt", "at most")]
    [InlineData("sort=lastName;drop table x", "lastName;drop")]
    public async Task BadLimitOrSort_Returns400Problem(string query, string mentioned)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.GetAsync($"/api/v1/contacts?{query}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cursor_TamperedOrFromAnotherSort_Returns400()
    {
        var (admin, marker, _) = await CreateManyAsync(4);
        var query = $"filter=tags has '{marker}'&sort=lastName&limit=2";
        var page = await (await admin.Client.GetAsync($"/api/v1/contacts?{query}")).ReadAsync<Page<ContactResponse>>();
        var cursor = page.NextCursor!;
        var flipped = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];
        foreach (var bad in new[] { flipped, cursor[..^3], "eyJTb3J0IjoibGFzdE5hbWUifQ", cursor + "x" })
        {
            var response = await admin.Client.GetAsync($"/api/v1/contacts?{query}&cursor={Uri.EscapeDataString(bad)}");
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("cursor", problem.GetProperty("detail").GetString());
        }
        var otherSort = await admin.Client.GetAsync($"/api/v1/contacts?filter=tags has '{marker}'&sort=-lastName&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Contains("sort", (await otherSort.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        var otherResource = await admin.Client.GetAsync($"/api/v1/companies?cursor={Uri.EscapeDataString(cursor)}");
        await otherResource.AssertProblemAsync(HttpStatusCode.BadRequest);
        var good = await admin.Client.GetAsync($"/api/v1/contacts?{query}&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }
}

public sealed class SortAndPagingTestsOnSqlite(SqliteApp app) : SortAndPagingTests(app), IClassFixture<SqliteApp>;

public sealed class SortAndPagingTestsOnPostgres(PostgresApp app) : SortAndPagingTests(app), IClassFixture<PostgresApp>;
