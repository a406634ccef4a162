using Bunit;
using Rapport.Platform.Auth;
using Rapport.Platform.Notifications;
using Rapport.Platform.Notifications.Pages;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Notifications;

/// <summary>The /settings/notifications page, rendered in bUnit against the real app: a user turns email on and it sticks.</summary>
public abstract class NotificationSettingsPageTests(RapportApp app)
{
    [Fact]
    public async Task Page_TurnsMentionEmailsOn_ForTheSignedInUserOnly()
    {
        var user = await app.CreateUserAsync(Roles.Support);
        var other = await app.CreateUserAsync(Roles.Support);
        await using var context = await app.PageContextAsync(user.Id);
        context.RenderProviders();
        var page = context.Render<NotificationSettingsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[data-testid=email-on-mention]")));
        Assert.Equal(app.Smtp is null, page.FindAll("[data-testid=email-off]").Count == 1);

        page.Find("input[data-testid=email-on-mention]").Change(true);
        await page.Find("[data-testid=save-notification-settings]").ClickAsync(new()); // completes when the save has

        Assert.Equal(new NotificationSettingsResponse(true, false),
            await (await user.Client.GetAsync("/api/v1/me/notification-settings")).ReadAsync<NotificationSettingsResponse>());
        Assert.Equal(new NotificationSettingsResponse(false, false),
            await (await other.Client.GetAsync("/api/v1/me/notification-settings")).ReadAsync<NotificationSettingsResponse>());

        var reopened = context.Render<NotificationSettingsPage>();
        // MudBlazor marks a ticked box on the span around its input.
        reopened.WaitForAssertion(() => Assert.Contains("mud-checkbox-true",
            reopened.Find("input[data-testid=email-on-mention]").ParentElement!.ClassName, StringComparison.Ordinal));
        Assert.Contains("mud-checkbox-false",
            reopened.Find("input[data-testid=email-on-followed-change]").ParentElement!.ClassName, StringComparison.Ordinal);
    }
}

public sealed class NotificationSettingsPageTestsOnSqlite(SqliteApp app) : NotificationSettingsPageTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationSettingsPageTestsOnPostgres(PostgresMailApp app) : NotificationSettingsPageTests(app), IClassFixture<PostgresMailApp>;
