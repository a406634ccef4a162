using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Rapport.Platform.CustomFields;
using Rapport.Platform.CustomFields.Pages;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.CustomFields;

/// <summary>
/// The list page's filters for number, date and yes/no custom fields: what a person types becomes a filter the API
/// accepts and that narrows the list; a half-typed value filters nothing rather than breaking the list.
/// </summary>
public abstract class CustomFieldListFilterTests(RapportApp app)
{
    [Fact]
    public async Task RangeAndYesNoFilters_NarrowTheList_AndIgnoreHalfTypedValues()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var seats = CustomFieldClient.UniqueName("seats");
        var since = CustomFieldClient.UniqueName("since");
        var vip = CustomFieldClient.UniqueName("vip");
        await admin.DefineAsync(new { @object = "contact", name = seats, label = "Seats " + seats, type = "number" });
        await admin.DefineAsync(new { @object = "contact", name = since, label = "Since " + since, type = "date" });
        await admin.DefineAsync(new { @object = "contact", name = vip, label = "VIP " + vip, type = "boolean" });
        var tag = CustomFieldClient.UniqueName("flt");
        await admin.CreateContactAsync(new { lastName = "Small", tags = new[] { tag }, customFields = new Dictionary<string, object> { [seats] = 5, [since] = "2023-05-01", [vip] = false } });
        await admin.CreateContactAsync(new { lastName = "Medium", tags = new[] { tag }, customFields = new Dictionary<string, object> { [seats] = 50, [since] = "2024-06-01", [vip] = true } });
        await admin.CreateContactAsync(new { lastName = "Large", tags = new[] { tag }, customFields = new Dictionary<string, object> { [seats] = 500, [since] = "2025-07-01", [vip] = true } });
        var definitions = await app.WithServicesAsync(sp => sp.GetRequiredService<CustomFieldValues>().DefinitionsAsync("contact", CancellationToken.None));
        var filters = CustomFieldLists.Filters([.. definitions.Where(d => d.Name == seats || d.Name == since || d.Name == vip)]).ToDictionary(f => f.Key);

        async Task<List<string>> ListAsync(params string?[] expressions)
        {
            var filter = string.Join(" and ", expressions.Where(e => e is not null).Append($"tags has '{tag}'"));
            var page = await (await admin.Client.GetAsync($"/api/v1/contacts?sort=lastName&filter={Uri.EscapeDataString(filter)}")).ReadAsync<Page<ContactResponse>>();
            return [.. page.Data.Select(c => c.LastName)];
        }

        Assert.Equal(["Large", "Medium"], await ListAsync(filters[$"cf_{seats}_min"].ToExpression(["10"])));
        Assert.Equal(["Medium", "Small"], await ListAsync(filters[$"cf_{seats}_max"].ToExpression(["50"])));
        Assert.Equal(["Medium"], await ListAsync(filters[$"cf_{since}_min"].ToExpression(["2024-01-01"]), filters[$"cf_{since}_max"].ToExpression(["2024-12-31"])));
        Assert.Equal(["Large", "Medium"], await ListAsync(filters[$"cf_{vip}"].ToExpression(["true"])));
        Assert.Equal(["Small"], await ListAsync(filters[$"cf_{vip}"].ToExpression(["false"])));
        Assert.Null(filters[$"cf_{vip}"].ToExpression(["true", "false"]));
        Assert.Null(filters[$"cf_{seats}_min"].ToExpression(["1O"])); // a typo filters nothing
        Assert.Null(filters[$"cf_{since}_max"].ToExpression(["2024-13"]));
    }
}

public sealed class CustomFieldListFilterTestsOnSqlite(SqliteApp app) : CustomFieldListFilterTests(app), IClassFixture<SqliteApp>;

public sealed class CustomFieldListFilterTestsOnPostgres(PostgresApp app) : CustomFieldListFilterTests(app), IClassFixture<PostgresApp>;
