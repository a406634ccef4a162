using System.Text;
using Rapport.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Documents;

/// <summary>A file dropped on a contact's page is listed there and downloads with the same bytes.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DocumentsPanelTests(BrowserFixture browser)
{
    [Fact]
    public async Task UploadOnContactPage_IsListedAndDownloadsTheSameBytes()
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
        await Expect(page.GetByTestId("documents").Locator(".document-name")).ToHaveTextAsync("meeting-notes.txt");
    }
}
