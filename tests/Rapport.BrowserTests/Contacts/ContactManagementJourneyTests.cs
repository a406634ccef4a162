using System.Globalization;
using System.Text;
using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Contacts;

/// <summary>
/// The contact-management journey end to end, as an admin and a colleague do it in the browser: shape the data
/// with a custom field, import a 1,000-row CSV through the mapping screen, find the duplicate the import made and
/// merge it, log a call and a meeting on the survivor's timeline, and mention a colleague who then sees it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContactManagementJourneyTests(BrowserFixture browser)
{
    private const int Rows = 1_000;

    [Fact]
    public async Task CustomField_Import1000Rows_MergeDuplicate_LogCallAndMeeting_MentionNotifiesColleague()
    {
        var page = await browser.SignedInPageAsync();
        var word = PageActions.UniqueWord("Journey");
        var fieldLabel = PageActions.UniqueWord("Region");
        var fieldName = fieldLabel.ToLowerInvariant();

        // 1. A custom field, defined on the settings page.
        await page.OpenAsync("/settings/custom-fields");
        await page.GetByTestId("cf-new").ClickAsync();
        await page.GetByTestId("cf-label").FillAsync(fieldLabel);
        await Expect(page.GetByTestId("cf-name")).ToHaveValueAsync(fieldName);
        await page.GetByTestId("cf-save").ClickAsync();
        await Expect(page.GetByTestId($"cf-row-{fieldName}")).ToHaveTextAsync(fieldLabel);

        // A contact that already exists; the file has the same person again, email in capitals.
        var existingEmail = $"ada@{word.ToLowerInvariant()}.example";
        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("First name", "Ada");
        await page.FillFieldAsync("Last name", word);
        await page.GetByTestId("emails").GetByLabel("Email", new() { Exact = true }).FillAsync(existingEmail);
        await page.SaveAsync();
        var existing = await page.WaitForRecordPageAsync("contacts");

        // 2. A 1,000-row CSV whose region column ("Gebiet") does not match any field by itself.
        var csv = new StringBuilder("Vorname,Nachname,E-Mail,Gebiet\r\n");
        csv.Append(CultureInfo.InvariantCulture, $"Ada,{word},{existingEmail.ToUpperInvariant()},north\r\n");
        for (var i = 1; i < Rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"Person{i},{word}{i:D4},p{i}@{word.ToLowerInvariant()}.example,zone-{i % 7}\r\n");
        var file = Path.Combine(Path.GetTempPath(), $"journey-{word}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            await page.OpenAsync("/contacts/import");
            await page.GetByTestId("import-file").SetInputFilesAsync(file);
            var mapping = page.GetByTestId("import-mapping");
            await Expect(mapping).ToContainTextAsync("Gebiet");
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Field for Gebiet" }).ClickAsync();
            await page.Locator(".mud-popover-open .mud-list").GetByText($"customFields.{fieldName}", new() { Exact = true }).ClickAsync();
            // The preview warns of the row that looks like the existing contact.
            await Expect(page.GetByTestId("import-duplicate-warning").First).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "When the email matches an existing contact" }).ClickAsync();
            await page.Locator(".mud-popover-open .mud-list").GetByText("Create a new contact anyway").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start import" }).ClickAsync();
            var progress = page.GetByTestId("import-progress");
            await Expect(progress).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 120_000 });
            await Expect(progress).ToContainTextAsync($"{Rows:N0} of {Rows:N0} rows · {Rows:N0} created".Replace(",", "", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }

        // The imported values landed in the custom field.
        await page.OpenAsync($"/contacts?q={word}0007");
        await page.RecordLinks().First.ClickAsync();
        await page.WaitForRecordPageAsync("contacts");
        await Expect(page.Locator($"[data-field='customFields.{fieldName}'] .field-value")).ToHaveTextAsync("zone-0");

        // 3. The duplicates page lists the pair; merge it, keeping the contact that was there first.
        await page.OpenAsync("/duplicates?type=contact");
        var pair = page.Locator($"tr.duplicate-pair:has(a[href='/contacts/{existing}'])");
        await Expect(pair).ToContainTextAsync("same email");
        await pair.GetByTestId("merge-pair").ClickAsync();
        await page.WaitForURLAsync("**/duplicates/merge/contact/**");
        await page.WaitForInteractiveAsync();
        Assert.Contains(existing.ToString(), page.Url, StringComparison.Ordinal);
        // Both are "Ada {word}"; the screen keeps the first id of its URL unless told to keep the other one.
        var keepsFirst = page.Url.Split('/')[^2] == existing.ToString();
        if (!keepsFirst) await page.GetByTestId("swap").ClickAsync();
        await Expect(page.GetByTestId("survivor-name")).ToHaveTextAsync($"Ada {word}");
        await page.GetByTestId("merge").ClickAsync();
        Assert.Equal(existing, await page.WaitForRecordPageAsync("contacts"));
        await Expect(page.Locator($"[data-field='customFields.{fieldName}'] .field-value")).ToHaveTextAsync("north");

        // 4. A call and a meeting on the survivor's timeline.
        var timeline = page.GetByTestId("timeline");
        var dialog = page.Locator(".mud-dialog");
        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await dialog.Locator("label").Filter(new() { HasText = "call" }).ClickAsync();
        await page.FillFieldAsync("Subject", "Welcome call after the import");
        await page.FillFieldAsync("Duration (minutes)", "9");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await dialog.Locator("label").Filter(new() { HasText = "meeting" }).ClickAsync();
        await page.FillFieldAsync("Subject", "Onboarding meeting");
        await page.FillFieldAsync("Starts (UTC)", "2031-03-04T10:00");
        await page.FillFieldAsync("Ends (UTC)", "2031-03-04T11:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var items = timeline.Locator(".timeline-item");
        await Expect(items.Filter(new() { HasText = "Welcome call after the import" })).ToContainTextAsync("9 min");
        await Expect(items.First).ToContainTextAsync("Onboarding meeting");

        // 5. A colleague mentioned in a note sees it in their bell.
        const string password = "a journey colleague's long password";
        var colleague = "Jo " + PageActions.UniqueWord("J");
        var email = $"{PageActions.UniqueWord("jo").ToLowerInvariant()}@browser.test";
        var admin = await browser.SignedInPageAsync();
        await admin.OpenAsync("/admin/users");
        await admin.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var userDialog = admin.Locator(".mud-dialog");
        await userDialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await userDialog.GetByLabel("Display name").FillAsync(colleague);
        await userDialog.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        // A role that reads every record: a mention only reaches someone who may open the activity.
        await userDialog.GetByRole(AriaRole.Combobox, new() { Name = "Role" }).ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list").GetByText("Manager", new() { Exact = true }).ClickAsync();
        await userDialog.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(admin.Locator("tbody tr").Filter(new() { HasText = email })).ToContainTextAsync("Active");

        await timeline.GetByRole(AriaRole.Button, new() { Name = "Log activity" }).ClickAsync();
        await page.FillFieldAsync("Subject", "Import follow-up");
        await page.FillFieldAsync("Note (markdown)", $"@{colleague} please check **{word}** after the import");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(items.Filter(new() { HasText = "Import follow-up" }).Locator("strong")).ToHaveTextAsync(word);

        var jo = await browser.SignedInPageAsync(email, password);
        await Expect(jo.Locator(".notification-bell .mud-badge")).ToHaveTextAsync("1");
        await jo.GetByRole(AriaRole.Button, new() { Name = "Notifications" }).ClickAsync();
        await jo.Locator(".mud-popover-open").GetByText("mentioned you in \"Import follow-up\"").ClickAsync();
        await jo.WaitForURLAsync($"**/contacts/{existing}");
        await Expect(jo.Heading()).ToHaveTextAsync($"Ada {word}");
    }
}
