using System.Diagnostics;
using System.Text.RegularExpressions;
using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Platform;

/// <summary>A person asks to be emailed about mentions, a colleague mentions them, and the email's link opens the record.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class MentionEmailJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TurningOnMentionEmails_ThenBeingMentioned_DeliversAnEmailWhoseLinkOpensTheRecord()
    {
        const string password = "an emailed user's long password";
        var admin = await browser.SignedInPageAsync();
        var displayName = "Mia " + PageActions.UniqueWord("E");
        var email = $"{PageActions.UniqueWord("mia").ToLowerInvariant()}@browser.test";
        await admin.CreateUserAsync(email, displayName, password, "Manager");

        // Mia finds the setting under the bell and turns it on.
        var mia = await browser.SignedInPageAsync(email, password);
        await mia.GetByRole(AriaRole.Button, new() { Name = "Notifications" }).ClickAsync();
        await mia.GetByTestId("bell-settings").ClickAsync();
        await mia.WaitForURLAsync("**/settings/notifications");
        await mia.WaitForInteractiveAsync();
        await mia.GetByLabel("Email me when I am mentioned").CheckAsync();
        await mia.GetByTestId("save-notification-settings").ClickAsync();
        await Expect(mia.GetByText("Notification settings saved.")).ToBeVisibleAsync();

        var company = PageActions.UniqueWord("Mailed") + " Ltd";
        var companyId = await admin.CreateCompanyAsync(company);
        await admin.LogFirstNoteAsync("Contract", $"@{displayName} the <b>contract</b> is ready");

        var message = await WaitForEmailAsync(email);
        Assert.EndsWith($"mentioned you on Company {company}", message.Subject, StringComparison.Ordinal);
        Assert.Contains("the &lt;b&gt;contract&lt;/b&gt; is ready", message.HtmlBody, StringComparison.Ordinal);
        var link = OpenLink().Match(message.TextBody ?? "").Groups[1].Value;
        Assert.EndsWith($"/companies/{companyId}", link, StringComparison.Ordinal);

        await mia.GotoAsync(link);
        await mia.WaitForInteractiveAsync();
        await Expect(mia.Heading()).ToHaveTextAsync(company);
    }

    /// <summary>The app's worker sends within a second or two of the save; this waits for the message, not a duration.</summary>
    private async Task<MimeKit.MimeMessage> WaitForEmailAsync(string address)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (browser.Smtp.MessagesTo(address) is [var message]) return message;
            await Task.Delay(250);
        }
        throw new TimeoutException($"No email reached {address}. Server output:\n{browser.Server.Output}");
    }

    [GeneratedRegex(@"Open it in Rapport: (\S+)")]
    private static partial Regex OpenLink();
}
