using System.Text;
using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Documents;

/// <summary>A file put on a contact's page is listed there, downloads with the same bytes, takes a new version and can be deleted.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DocumentsPanelTests(BrowserFixture browser)
{
    [Fact]
    public async Task UploadOnContactPage_IsListedDownloadableVersionedAndDeletable()
    {
        var page = await browser.SignedInPageAsync();
        var lastName = PageActions.UniqueWord("Attachment");
        await page.OpenAsync("/contacts/new");
        await page.FillFieldAsync("First name", "Dora");
        await page.FillFieldAsync("Last name", lastName);
        await page.SaveAsync();
        await page.WaitForRecordPageAsync("contacts");

        var panel = page.GetByTestId("documents");
        await Expect(panel).ToContainTextAsync("No documents yet.");
        // A file dropped (or a click) anywhere on the drop zone lands on the file input.
        var dropTarget = await panel.Locator(".documents-drop").EvaluateAsync<string>(
            "zone => { const r = zone.getBoundingClientRect(); const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return hit.tagName + ':' + hit.type; }");
        Assert.Equal("INPUT:file", dropTarget);
        var content = Encoding.UTF8.GetBytes($"Meeting notes for {lastName}\nNext step: send the offer.\n");
        await panel.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload
        {
            Name = "meeting-notes.txt",
            MimeType = "text/plain",
            Buffer = content,
        });

        var link = panel.Locator(".document-name", new() { HasText = "meeting-notes.txt" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(panel.Locator(".document-version")).ToContainTextAsync("v1");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("meeting-notes.txt", download.SuggestedFilename);
        Assert.Equal(content, await File.ReadAllBytesAsync(await download.PathAsync()));

        // Still there after a reload: it was stored, not only shown.
        await page.ReloadAndWaitAsync();
        panel = page.GetByTestId("documents");
        await Expect(panel.Locator(".document-name")).ToHaveTextAsync("meeting-notes.txt");

        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            panel.GetByRole(AriaRole.Button, new() { Name = "Upload a new version" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "meeting-notes-v2.txt", MimeType = "text/plain", Buffer = "Second draft\n"u8.ToArray() });
        await Expect(panel.Locator(".document-version")).ToHaveCountAsync(2);
        await Expect(panel.Locator(".document-name")).ToHaveTextAsync("meeting-notes-v2.txt");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Delete document" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("all 2 version(s)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(panel).ToContainTextAsync("No documents yet.");
        await page.ReloadAndWaitAsync();
        await Expect(page.GetByTestId("documents")).ToContainTextAsync("No documents yet.");
    }
}
