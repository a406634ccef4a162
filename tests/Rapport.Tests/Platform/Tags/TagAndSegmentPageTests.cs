using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contacts.People.Pages;
using Rapport.Platform.Auth;
using Rapport.Platform.Segments;
using Rapport.Platform.Segments.Pages;
using Rapport.Platform.Tags.Pages;
using Rapport.Platform.Ui.Records;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Tags;

/// <summary>The contacts list's tick boxes, bulk bar and "Save as segment", the segment page and tag autocomplete, in a circuit.</summary>
public abstract class TagAndSegmentPageTests(RapportApp app)
{
    private static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task ContactList_BulkAddsATag_ToTheTickedRows_AndSavesTheFilterAsASegment()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var marker = Marker("bulk");
        var added = Marker("added");
        var one = await rep.CreateContactAsync(new { lastName = "One", tags = new[] { marker } });
        var two = await rep.CreateContactAsync(new { lastName = "Two", tags = new[] { marker } });
        var other = await admin.CreateContactAsync(new { lastName = "Other", tags = new[] { marker } });
        await using var context = await app.PageContextAsync(rep.Id);
        context.Services.AddScoped<TagColors>();
        context.Services.AddScoped<ColumnPreferences>(); // the list's column choice, through bUnit's JS runtime
        context.RenderProviders();
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/contacts?f_tag={marker}");
        var page = context.Render<ContactList>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=select-row]").Count), TimeSpan.FromSeconds(15));
        Assert.Equal(2, page.FindAll($"[data-testid=tag-chip][data-tag={marker}]").Count);
        await page.Find("[data-testid=select-page]").ChangeAsync(new ChangeEventArgs { Value = true });
        Assert.Equal("2 selected", page.Find("[data-testid=bulk-count]").TextContent.Trim());
        await page.Find("[data-testid=bulk-add-tag]").ClickAsync(new());
        await page.Find("[data-testid=bulk-bar] input").InputAsync(new ChangeEventArgs { Value = added });
        await page.Find("[data-testid=bulk-tag-apply]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("added to 2 records", page.Find("[data-testid=bulk-result]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=bulk-bar]"));
        Assert.Contains(added, (await admin.GetContactAsync(one.Id)).Tags);
        Assert.Contains(added, (await admin.GetContactAsync(two.Id)).Tags);
        Assert.DoesNotContain(added, (await admin.GetContactAsync(other.Id)).Tags);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll($"[data-testid=tag-chip][data-tag={added}]").Count));

        await page.Find("[data-testid=save-segment]").ClickAsync(new());
        await page.Find("[data-testid=save-segment-panel] input").InputAsync(new ChangeEventArgs { Value = "Bulk " + marker });
        await page.Find("[data-testid=save-segment-confirm]").ClickAsync(new());

        var saved = await app.ActingAsAsync(rep.Id, sp => sp.GetRequiredService<SegmentService>().ListAsync("contacts", CancellationToken.None));
        var segment = Assert.Single(saved.Data, s => s.Name == "Bulk " + marker);
        Assert.Equal($"tags has '{marker}'", segment.Filter);
        Assert.Equal(2, segment.MemberCount);
        Assert.EndsWith($"/segments/{segment.Id}", context.Services.GetRequiredService<NavigationManager>().Uri);

        var segmentPage = context.Render<SegmentPage>(p => p.Add(x => x.Id, segment.Id));
        segmentPage.WaitForAssertion(() => Assert.Equal(2, segmentPage.FindAll("[data-testid=member-link]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal($"/export/segments/{segment.Id}/members/export.csv", segmentPage.Find("[data-testid=segment-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task ContactList_AddsTheTickedRowsToANewList()
    {
        var rep = await app.CreateUserAsync(Roles.Marketing);
        var marker = Marker("list");
        var contact = await rep.CreateContactAsync(new { lastName = "Listed", tags = new[] { marker } });
        await rep.CreateContactAsync(new { lastName = "NotTicked", tags = new[] { marker } });
        await using var context = await app.PageContextAsync(rep.Id);
        context.Services.AddScoped<TagColors>();
        context.Services.AddScoped<ColumnPreferences>(); // the list's column choice, through bUnit's JS runtime
        context.RenderProviders();
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/contacts?f_tag={marker}");
        var page = context.Render<ContactList>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=select-row]").Count), TimeSpan.FromSeconds(15));
        await page.Find($"[data-testid=select-row][data-id='{contact.Id}']").ChangeAsync(new ChangeEventArgs { Value = true });
        await page.Find("[data-testid=add-to-list-open]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=add-to-list] input")));
        await page.Find("[data-testid=add-to-list] input").InputAsync(new ChangeEventArgs { Value = "List " + marker });
        await page.Find("[data-testid=add-to-list-apply]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("1 added to List " + marker, page.Find("[data-testid=bulk-result]").TextContent));
        var lists = await app.ActingAsAsync(rep.Id, sp => sp.GetRequiredService<SegmentService>().ListAsync("contacts", CancellationToken.None));
        var list = Assert.Single(lists.Data, s => s.Name == "List " + marker);
        Assert.Equal(SegmentKind.Static, list.Kind);
        Assert.Equal(1, list.MemberCount);
    }

    [Fact]
    public async Task TagsPage_ListsUsage_AndAnAdminRenamesAndRecoloursATag_OnEveryRecord()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var name = Marker("page");
        var renamed = name + "-renamed";
        var first = await admin.CreateContactAsync(new { lastName = "First", tags = new[] { name } });
        await admin.CreateContactAsync(new { lastName = "Second", tags = new[] { name } });

        await using (var repContext = await app.PageContextAsync(rep.Id))
        {
            repContext.Services.AddScoped<TagColors>();
            var readOnly = repContext.Render<TagsPage>();
            readOnly.WaitForAssertion(() => Assert.NotEmpty(readOnly.FindAll($"tr[data-tag='{name}']")));
            Assert.Empty(readOnly.FindAll($"[data-testid='tag-edit-{name}']")); // a rep may not rewrite everyone's records
        }

        await using var context = await app.PageContextAsync(admin.Id);
        context.Services.AddScoped<TagColors>();
        var page = context.Render<TagsPage>();
        page.WaitForAssertion(() => Assert.Equal("2", page.Find($"tr[data-tag='{name}'] td:nth-child(2)").TextContent.Trim()));
        await page.Find($"[data-testid='tag-edit-{name}']").ClickAsync(new());
        await page.Find("input[data-testid=tag-name]").ChangeAsync(new ChangeEventArgs { Value = renamed });
        await page.Find("[data-testid=tag-color]").ChangeAsync(new ChangeEventArgs { Value = "#2e7d32" });
        await page.Find("[data-testid=tag-save]").ClickAsync(new());

        // The chip of the renamed row first renders before the catalogue's colours have loaded, so wait for the colour.
        page.WaitForAssertion(() => Assert.Equal("#2e7d32",
            Assert.Single(page.FindAll($"tr[data-tag='{renamed}'] [data-testid=tag-chip]")).GetAttribute("data-color")), TimeSpan.FromSeconds(10));
        Assert.Equal([renamed], (await admin.GetContactAsync(first.Id)).Tags);
    }

    [Fact]
    public async Task TagsInput_SuggestsCatalogueTags_AndAddsThePickedOne()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var stem = Marker("sugg");
        await admin.CreateContactAsync(new { lastName = "Source", tags = new[] { stem + "-Gold" } });
        await using var context = await app.PageContextAsync(admin.Id);
        context.Services.AddScoped<TagColors>();
        List<string>? changed = null;
        var input = context.Render<TagsInput>(p => p.Add(x => x.Tags, []).Add(x => x.TagsChanged, tags => changed = tags));

        await input.Find("input").InputAsync(new ChangeEventArgs { Value = stem.ToUpperInvariant() });

        input.WaitForAssertion(() => Assert.Equal(stem + "-Gold", input.Find("[data-testid=tag-suggestion]").GetAttribute("data-tag")));
        await input.Find("[data-testid=tag-suggestion]").ClickAsync(new());
        Assert.Equal([stem + "-Gold"], changed);
    }
}

public sealed class TagAndSegmentPageTestsOnSqlite(SqliteApp app) : TagAndSegmentPageTests(app), IClassFixture<SqliteApp>;

public sealed class TagAndSegmentPageTestsOnPostgres(PostgresApp app) : TagAndSegmentPageTests(app), IClassFixture<PostgresApp>;
