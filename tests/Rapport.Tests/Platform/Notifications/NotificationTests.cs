using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;
using Rapport.Platform.Notifications;
using Rapport.Tests.Activities;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Notifications;

public abstract class NotificationTests(RapportApp app)
{
    private static string Handle(ApiUser user) => "@" + user.Email.Split('@')[0];

    private static async Task<NotificationPage> InboxAsync(ApiUser user, string query = "")
    {
        var response = await user.Client.GetAsync($"/api/v1/me/notifications{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<NotificationPage>();
    }

    [Fact]
    public async Task MentionInANote_NotifiesTheMentionedUserOnce_NotTheAuthorOrOthers()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var mentioned = await app.CreateUserAsync(Roles.Manager);
        var bystander = await app.CreateUserAsync(Roles.Sales);
        var contact = await author.CreateContactAsync("Mentioned");

        var note = await author.CreateActivityAsync(new
        {
            type = "note", subject = "Renewal",
            body = $"{Handle(mentioned)} can you call them? cc {Handle(author)}, and again {Handle(mentioned)}. Mail x{Handle(bystander)}",
            links = new[] { ActivityTestData.ContactLink(contact) },
        });

        var inbox = await InboxAsync(mentioned);
        var mention = Assert.Single(inbox.Data);
        Assert.Equal((NotificationKinds.Mention, $"/contacts/{contact}", false), (mention.Kind, mention.Link, mention.Read));
        Assert.Contains("Renewal", mention.Title);
        Assert.Equal(1, inbox.UnreadCount);
        Assert.Empty((await InboxAsync(author)).Data);
        Assert.Empty((await InboxAsync(bystander)).Data);

        // Editing the note without a new mention does not notify again.
        var edited = await author.Client.PatchJsonAsync($"/api/v1/activities/{note.Id}", new { body = $"{Handle(mentioned)} please call today" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Single((await InboxAsync(mentioned)).Data);
    }

    [Fact]
    public async Task Mention_OfSomeoneWhoCannotOpenTheActivity_DoesNotNotifyThem_UntilItIsOnTheirOwnRecord()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        var notTheirs = await author.CreateContactAsync("NotTheirs");
        var theirs = (await author.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "Theirs", ownerId = rep.Id })).ReadJsonAsync();
        var theirsId = (await theirs).GetProperty("id").GetGuid();

        await author.CreateActivityAsync(new
        {
            type = "note", subject = "Secret pricing", body = $"{Handle(rep)} fyi",
            links = new[] { ActivityTestData.ContactLink(notTheirs) },
        });
        Assert.Empty((await InboxAsync(rep)).Data); // the subject would leak an activity they may not open

        await author.CreateActivityAsync(new
        {
            type = "note", subject = "Your account", body = $"{Handle(rep)} fyi",
            links = new[] { ActivityTestData.ContactLink(theirsId) },
        });
        var mention = Assert.Single((await InboxAsync(rep)).Data);
        Assert.Contains("Your account", mention.Title);
    }

    [Fact]
    public async Task MentionByDisplayName_NotifiesThatUser()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var mentioned = await app.CreateUserAsync(Roles.Manager);
        var name = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Rapport.Platform.Data.RapportDb>();
            return (await db.Users.FindAsync(mentioned.Id))!.DisplayName;
        });

        var company = await author.CreateCompanyAsync("Display Name Inc");
        await author.CreateActivityAsync(new
        {
            type = "note", subject = "Display name", body = $"Thanks @{name}!", links = new[] { ActivityTestData.CompanyLink(company) },
        });

        Assert.Equal(NotificationKinds.Mention, Assert.Single((await InboxAsync(mentioned)).Data).Kind);
    }

    [Fact]
    public async Task FollowingAContact_AnotherUsersChangeNotifiesTheFollower_NotTheChanger()
    {
        var follower = await app.CreateUserAsync(Roles.Admin);
        var changer = await app.CreateUserAsync(Roles.Admin);
        var contact = await changer.CreateContactAsync("Followed");

        Assert.Equal(HttpStatusCode.NoContent, (await follower.Client.PostAsync($"/api/v1/contacts/{contact}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await follower.Client.PostAsync($"/api/v1/contacts/{contact}/follow", null)).StatusCode);
        // The follower's own change is no news to them.
        await (await follower.Client.PatchJsonAsync($"/api/v1/contacts/{contact}", new { jobTitle = "CTO" })).EnsureSuccessAsync();
        Assert.Empty((await InboxAsync(follower)).Data);

        await (await changer.Client.PatchJsonAsync($"/api/v1/contacts/{contact}", new { jobTitle = "CEO" })).EnsureSuccessAsync();

        var changed = Assert.Single((await InboxAsync(follower)).Data);
        Assert.Equal((NotificationKinds.RecordChanged, $"/contacts/{contact}"), (changed.Kind, changed.Link));
        Assert.Contains("Test Followed", changed.Title);
        Assert.Empty((await InboxAsync(changer)).Data);

        // After unfollowing, changes are quiet again.
        Assert.Equal(HttpStatusCode.NoContent, (await follower.Client.DeleteAsync($"/api/v1/contacts/{contact}/follow")).StatusCode);
        await (await changer.Client.PatchJsonAsync($"/api/v1/contacts/{contact}", new { jobTitle = "Chair" })).EnsureSuccessAsync();
        Assert.Single((await InboxAsync(follower)).Data);
    }

    [Fact]
    public async Task FollowingACompany_DeletionNotifiesTheFollower()
    {
        var follower = await app.CreateUserAsync(Roles.Admin);
        var changer = await app.CreateUserAsync(Roles.Admin);
        var company = await changer.CreateCompanyAsync("Soon Gone Ltd");
        await (await follower.Client.PostAsync($"/api/v1/companies/{company}/follow", null)).EnsureSuccessAsync();

        await (await changer.Client.DeleteAsync($"/api/v1/companies/{company}")).EnsureSuccessAsync();

        var deleted = Assert.Single((await InboxAsync(follower)).Data);
        Assert.Equal((NotificationKinds.RecordDeleted, "/companies"), (deleted.Kind, deleted.Link));
    }

    [Fact]
    public async Task Follow_ARecordTheCallerCannotSee_Returns404()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var sales = await app.CreateUserAsync(Roles.Sales);
        var contact = await admin.CreateContactAsync("Hidden");

        await (await sales.Client.PostAsync($"/api/v1/contacts/{contact}/follow", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await sales.Client.PostAsync($"/api/v1/companies/{Guid.NewGuid()}/follow", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Notifications_ArePrivate_AndReadOneOrAllUpdatesTheUnreadCount()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var reader = await app.CreateUserAsync(Roles.Admin);
        var other = await app.CreateUserAsync(Roles.Admin);
        var links = new[] { ActivityTestData.CompanyLink(await author.CreateCompanyAsync("Inbox Ltd")) };
        for (var i = 1; i <= 3; i++)
            await author.CreateActivityAsync(new { type = "note", subject = $"Note {i}", body = $"{Handle(reader)} see {i}", links });
        await author.CreateActivityAsync(new { type = "note", subject = "For other", body = $"{Handle(other)} hello", links });

        var inbox = await InboxAsync(reader);
        Assert.Equal(3, inbox.UnreadCount);
        Assert.Equal(3, inbox.Data.Count);
        var first = inbox.Data[^1];

        // Someone else can neither see nor mark it.
        Assert.DoesNotContain((await InboxAsync(other)).Data, n => n.Id == first.Id);
        await (await other.Client.PostAsync($"/api/v1/me/notifications/{first.Id}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, (await InboxAsync(reader)).UnreadCount);

        Assert.Equal(HttpStatusCode.NoContent, (await reader.Client.PostAsync($"/api/v1/me/notifications/{first.Id}/read", null)).StatusCode);
        var afterOne = await InboxAsync(reader);
        Assert.Equal(2, afterOne.UnreadCount);
        Assert.Equal(first.Id, afterOne.Data[^1].Id); // read ones sink below unread ones
        Assert.True(afterOne.Data[^1].Read);

        var paged = await InboxAsync(reader, "?limit=2");
        Assert.Equal(2, paged.Data.Count);
        var rest = await InboxAsync(reader, $"?limit=2&cursor={paged.NextCursor}");
        Assert.Equal(first.Id, Assert.Single(rest.Data).Id);

        Assert.Equal(HttpStatusCode.NoContent, (await reader.Client.PostAsync("/api/v1/me/notifications/read-all", null)).StatusCode);
        Assert.Equal(0, (await InboxAsync(reader)).UnreadCount);
        Assert.Equal(1, (await InboxAsync(other)).UnreadCount);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?cursor=nope")]
    public async Task Notifications_WithBadPaging_ReturnProblem(string query)
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        await (await user.Client.GetAsync($"/api/v1/me/notifications{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class NotificationTestsOnSqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTestsOnPostgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
