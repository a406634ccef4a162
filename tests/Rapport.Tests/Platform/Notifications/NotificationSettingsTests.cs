using System.Net;
using Rapport.Platform.Auth;
using Rapport.Platform.Notifications;
using Rapport.Tests.Activities;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Platform.Email;

namespace Rapport.Tests.Platform.Notifications;

/// <summary>Each user's own notification settings over the API; with no SMTP server configured, email is simply off.</summary>
public abstract class NotificationSettingsTests(RapportApp app)
{
    private const string Path = "/api/v1/me/notification-settings";

    [Fact]
    public async Task Settings_StartOff_AreSavedPerUser_AndReadBack()
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        var other = await app.CreateUserAsync(Roles.Sales);
        Assert.Equal(new NotificationSettingsResponse(false, false), await (await user.Client.GetAsync(Path)).ReadAsync<NotificationSettingsResponse>());

        await user.SetEmailSettingsAsync(onMention: true, onFollowedChange: false);
        await user.SetEmailSettingsAsync(onMention: true, onFollowedChange: true);

        Assert.Equal(new NotificationSettingsResponse(true, true), await (await user.Client.GetAsync(Path)).ReadAsync<NotificationSettingsResponse>());
        Assert.Equal(new NotificationSettingsResponse(false, false), await (await other.Client.GetAsync(Path)).ReadAsync<NotificationSettingsResponse>());
    }

    [Fact]
    public async Task Settings_ThroughAReadOnlyKey_CanBeReadButNotChanged()
    {
        var user = await app.CreateUserAsync(Roles.Sales, Rapport.Platform.Auth.ApiKeys.ApiKeyScope.Read);

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(Path)).StatusCode);
        await (await user.Client.PutAsync(Path, Json.Raw("""{ "emailOnMention": true, "emailOnFollowedChange": true }""")))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(new NotificationSettingsResponse(false, false), await (await user.Client.GetAsync(Path)).ReadAsync<NotificationSettingsResponse>());
    }

    [Theory]
    [InlineData("""{ "emailOnMention": true }""")]
    [InlineData("""{ "emailOnMention": true, "emailOnFollowedChange": null }""")]
    [InlineData("""{ "emailOnMention": true, "emailOnFollowedChange": false, "userId": "00000000-0000-0000-0000-000000000001" }""")]
    [InlineData("""{ "emailOnMention": "yes", "emailOnFollowedChange": false }""")]
    [InlineData("[]")]
    public async Task Settings_WithAMissingOrUnknownMember_AreRefusedWith400_AndKeptAsTheyWere(string body)
    {
        var user = await app.CreateUserAsync(Roles.Sales);
        await user.SetEmailSettingsAsync(onMention: false, onFollowedChange: true);

        await (await user.Client.PutAsync(Path, Json.Raw(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(new NotificationSettingsResponse(false, true), await (await user.Client.GetAsync(Path)).ReadAsync<NotificationSettingsResponse>());
    }

    [Fact]
    public async Task WithoutSmtp_AMentionOfSomeoneWhoWantsEmail_StillRingsTheBell_AndQueuesNothing()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var mentioned = await app.CreateUserAsync(Roles.Manager);
        await mentioned.SetEmailSettingsAsync(onMention: true, onFollowedChange: true);

        await author.CreateActivityAsync(new
        {
            type = "note", subject = "No mail server", body = $"{EmailTestSteps.Handle(mentioned)} hello",
            links = new[] { ActivityTestData.ContactLink(await author.CreateContactAsync("NoMail")) },
        });

        Assert.Equal(1, (await (await mentioned.Client.GetAsync("/api/v1/me/notifications")).ReadAsync<NotificationPage>()).UnreadCount);
        Assert.Empty(await app.OutboxRowsToAsync(mentioned.Email));
        Assert.Equal(0, await app.DrainOutboxAsync());
    }
}

public sealed class NotificationSettingsTestsOnSqlite(SqliteApp app) : NotificationSettingsTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationSettingsTestsOnPostgres(PostgresApp app) : NotificationSettingsTests(app), IClassFixture<PostgresApp>;
