using System.Net;
using Rapport.Platform.Auth;
using Rapport.Platform.Email;
using Rapport.Platform.Notifications;
using Rapport.Tests.Activities;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.Platform.Email.EmailTestSteps;

namespace Rapport.Tests.Platform.Email;

/// <summary>
/// Mentions and followed changes reach people by email through a real SMTP server (aiosmtpd on loopback), when
/// they asked for it, only about records they may read, once, and also after the mail server was down for a while.
/// </summary>
public abstract class MentionEmailTests(RapportApp app)
{
    private SmtpTestServer Smtp => app.Smtp!;

    [Fact]
    public async Task Mention_WithEmailOn_SendsOneEmail_WithSubjectLinkAndTheNoteEscaped()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var mentioned = await app.CreateUserAsync(Roles.Manager);
        await mentioned.SetEmailSettingsAsync(onMention: true, onFollowedChange: false);
        var contact = await author.CreateContactAsync("Doe");
        await author.CreateActivityAsync(new
        {
            type = "note", subject = "Renewal",
            body = $"{Handle(mentioned)} please check <script>alert('x')</script> & <b>bold</b> claims",
            links = new[] { ActivityTestData.ContactLink(contact) },
        });

        Assert.Equal(1, await app.DrainOutboxAsync());
        await app.DrainOutboxAsync();

        var email = Assert.Single(Smtp.MessagesTo(mentioned.Email));
        Assert.Equal($"{await app.DisplayNameAsync(author)} mentioned you on Contact Test Doe", email.Subject);
        Assert.Equal(mentioned.Email, Assert.Single(email.To.Mailboxes).Address);
        Assert.Equal("crm@example.test", Assert.Single(email.From.Mailboxes).Address);
        var link = $"{MailSettings.PublicUrl}/contacts/{contact}";
        Assert.Contains(link, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("please check <script>alert('x')</script> & <b>bold</b>", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("please check &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Smtp.MessagesTo(author.Email));
    }

    [Fact]
    public async Task Mention_WithEmailOff_RingsTheBellButSendsNoEmail()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var untouched = await app.CreateUserAsync(Roles.Manager); // never opened the settings: off by default
        var followsOnly = await app.CreateUserAsync(Roles.Manager);
        await followsOnly.SetEmailSettingsAsync(onMention: false, onFollowedChange: true);
        var contact = await author.CreateContactAsync("Quiet");

        await author.CreateActivityAsync(new
        {
            type = "note", subject = "Quiet", body = $"{Handle(untouched)} and {Handle(followsOnly)}, fyi",
            links = new[] { ActivityTestData.ContactLink(contact) },
        });
        await app.DrainOutboxAsync();

        foreach (var user in new[] { untouched, followsOnly })
        {
            Assert.Equal(1, (await (await user.Client.GetAsync("/api/v1/me/notifications")).ReadAsync<NotificationPage>()).UnreadCount);
            Assert.Empty(await app.OutboxRowsToAsync(user.Email));
            Assert.Empty(Smtp.MessagesTo(user.Email));
        }
    }

    [Fact]
    public async Task Mention_OfSomeoneWhoCannotReadTheRecord_EmailsThemNothing_UntilItIsOnTheirOwnRecord()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        await rep.SetEmailSettingsAsync(onMention: true, onFollowedChange: true);
        var notTheirs = await author.CreateContactAsync("NotTheirs");
        var theirs = (await (await author.Client.PostJsonAsync("/api/v1/contacts", new { lastName = "Theirs", ownerId = rep.Id }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();

        await author.CreateActivityAsync(new
        {
            type = "note", subject = "Secret pricing", body = $"{Handle(rep)} fyi", links = new[] { ActivityTestData.ContactLink(notTheirs) },
        });
        await app.DrainOutboxAsync();
        Assert.Empty(await app.OutboxRowsToAsync(rep.Email));
        Assert.Empty(Smtp.MessagesTo(rep.Email));

        await author.CreateActivityAsync(new
        {
            type = "note", subject = "Your account", body = $"{Handle(rep)} fyi", links = new[] { ActivityTestData.ContactLink(theirs) },
        });
        await app.DrainOutboxAsync();
        Assert.EndsWith("mentioned you on Contact Theirs", Assert.Single(Smtp.MessagesTo(rep.Email)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowedRecordChange_IsEmailed_WhileTheFollowerMayReadIt()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var rep = await app.CreateUserAsync(Roles.Sales);
        await rep.SetEmailSettingsAsync(onMention: false, onFollowedChange: true);
        var created = await (await admin.Client.PostJsonAsync("/api/v1/contacts", new { firstName = "Grace", lastName = "Hopper", ownerId = rep.Id }))
            .ReadJsonAsync();
        var contact = created.GetProperty("id").GetGuid();
        await (await rep.Client.PostAsync($"/api/v1/contacts/{contact}/follow", null)).EnsureSuccessAsync();

        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact}", new { jobTitle = "Rear Admiral" })).EnsureSuccessAsync();
        await app.DrainOutboxAsync();
        var email = Assert.Single(Smtp.MessagesTo(rep.Email));
        Assert.Equal($"{await app.DisplayNameAsync(admin)} changed Contact Grace Hopper", email.Subject);
        Assert.Contains($"{MailSettings.PublicUrl}/contacts/{contact}", email.TextBody, StringComparison.Ordinal);

        // Given to someone else, the contact is out of the rep's reach: the next change is not mailed to them.
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact}", new { ownerId = admin.Id })).EnsureSuccessAsync();
        await (await admin.Client.PatchJsonAsync($"/api/v1/contacts/{contact}", new { jobTitle = "Commodore" })).EnsureSuccessAsync();
        await app.DrainOutboxAsync();
        Assert.Single(Smtp.MessagesTo(rep.Email));
        Assert.Single(await app.OutboxRowsToAsync(rep.Email));
    }

    [Fact]
    public async Task SmtpDown_TheEmailWaitsAndRetries_ThenIsSentOnce_WhenTheServerIsBack()
    {
        var author = await app.CreateUserAsync(Roles.Admin);
        var mentioned = await app.CreateUserAsync(Roles.Manager);
        await mentioned.SetEmailSettingsAsync(onMention: true, onFollowedChange: false);
        var contact = await author.CreateContactAsync("Outage");

        await Smtp.StopAsync();
        try
        {
            await author.CreateActivityAsync(new
            {
                type = "note", subject = "Outage", body = $"{Handle(mentioned)} are you there?",
                links = new[] { ActivityTestData.ContactLink(contact) },
            });
            Assert.Equal(0, await app.DrainOutboxAsync());
            var waiting = Assert.Single(await app.OutboxRowsToAsync(mentioned.Email));
            Assert.Equal((OutgoingEmailStatus.Pending, 1), (waiting.Status, waiting.Attempts));
            Assert.False(string.IsNullOrEmpty(waiting.LastError));
            Assert.True(waiting.NextAttemptAt > waiting.CreatedAt, "a failed email waits before its next attempt");

            // Not due yet: another drain leaves it alone.
            await app.DrainOutboxAsync();
            Assert.Equal(1, Assert.Single(await app.OutboxRowsToAsync(mentioned.Email)).Attempts);
        }
        finally
        {
            await Smtp.StartAsync();
        }

        await app.MakeDueAsync((await app.OutboxRowsToAsync(mentioned.Email))[0].Id);
        // Two nodes drain at the same moment: the row's claim lets only one of them send it.
        var drains = await Task.WhenAll(app.DrainOutboxAsync(), app.DrainOutboxAsync(), app.DrainOutboxAsync());
        await app.DrainOutboxAsync();

        Assert.Single(Smtp.MessagesTo(mentioned.Email));
        var sent = Assert.Single(await app.OutboxRowsToAsync(mentioned.Email));
        Assert.Equal((OutgoingEmailStatus.Sent, 2, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal(1, drains.Sum());
    }

    [Fact]
    public async Task AfterTheLastAttempt_TheEmailIsFailed_WithItsErrorShownToAdmins_WhoCanRetryIt()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var manager = await app.CreateUserAsync(Roles.Manager);
        await manager.SetEmailSettingsAsync(onMention: true, onFollowedChange: false);
        var contact = await admin.CreateContactAsync("Bounced");

        await Smtp.StopAsync();
        Guid id;
        try
        {
            await admin.CreateActivityAsync(new
            {
                type = "note", subject = "Bounced", body = $"{Handle(manager)} ping", links = new[] { ActivityTestData.ContactLink(contact) },
            });
            await app.DrainOutboxAsync();
            id = Assert.Single(await app.OutboxRowsToAsync(manager.Email)).Id;
            await app.MakeDueAsync(id, attempts: EmailOutbox.MaxAttempts - 1);
            await app.DrainOutboxAsync();
        }
        finally
        {
            await Smtp.StartAsync();
        }

        var failed = await (await admin.Client.GetAsync("/api/v1/outgoing-emails?status=failed&limit=200")).ReadAsync<List<OutgoingEmailResponse>>();
        var shown = Assert.Single(failed, e => e.Id == id);
        Assert.Equal((manager.Email, EmailOutbox.MaxAttempts), (shown.To, shown.Attempts));
        Assert.False(string.IsNullOrEmpty(shown.LastError));
        await app.DrainOutboxAsync();
        Assert.Empty(Smtp.MessagesTo(manager.Email)); // given up: not sent even though the server is back

        await (await manager.Client.GetAsync("/api/v1/outgoing-emails")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.Client.PostAsync($"/api/v1/outgoing-emails/{id}/retry", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.Client.GetAsync("/api/v1/outgoing-emails?status=lost")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.PostAsync($"/api/v1/outgoing-emails/{id}/retry", null)).StatusCode);
        await app.DrainOutboxAsync();
        Assert.Single(Smtp.MessagesTo(manager.Email));
        await (await admin.Client.PostAsync($"/api/v1/outgoing-emails/{id}/retry", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.Client.PostAsync($"/api/v1/outgoing-emails/{Guid.NewGuid()}/retry", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class MentionEmailTestsOnSqlite(SqliteMailApp app) : MentionEmailTests(app), IClassFixture<SqliteMailApp>;

public sealed class MentionEmailTestsOnPostgres(PostgresMailApp app) : MentionEmailTests(app), IClassFixture<PostgresMailApp>;
