using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Documents;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Documents;

public abstract class DocumentApiTests(RapportApp app)
{
    private async Task<(ApiUser User, string RecordUrl)> RecordAsync(string resource, string role = Roles.Admin)
    {
        var user = await app.CreateUserAsync(role);
        var id = resource == "companies"
            ? (await user.CreateCompanyAsync(new { name = "Files Ltd" })).Id
            : (await user.CreateContactAsync(new { firstName = "Ada", lastName = "Files" })).Id;
        return (user, $"/api/v1/{resource}/{id}");
    }

    [Theory]
    [InlineData("contacts")]
    [InlineData("companies")]
    public async Task Upload_ThenListAndDownload_ReturnsTheSameBytes(string resource)
    {
        var (admin, record) = await RecordAsync(resource);
        var content = DocumentFiles.Pdf(300_000);

        var uploaded = await admin.Client.UploadAsync($"{record}/documents", "Angebot März.pdf", content);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var document = await uploaded.ReadAsync<DocumentResponse>();
        Assert.Equal("Angebot März.pdf", document.FileName);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(content.Length, document.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), document.Versions.Single().Sha256);
        Assert.Equal(admin.Id, document.Versions.Single().UploadedById);

        var list = await (await admin.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>();
        Assert.Equal(document.Id, list.Data.Single().Id);

        var download = await admin.Client.GetAsync(list.Data.Single().Versions.Single().ContentUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Angebot März.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "document" && e.EntityId == document.Versions[0].Id));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task NewVersion_KeepsOlderVersionsListedAndDownloadable()
    {
        var (admin, record) = await RecordAsync("contacts");
        var first = DocumentFiles.Pdf(5000, seed: 1);
        var second = DocumentFiles.Pdf(6000, seed: 2);
        var document = await (await admin.Client.UploadAsync($"{record}/documents", "contract.pdf", first)).ReadAsync<DocumentResponse>();

        var versioned = await admin.Client.UploadAsync($"/api/v1/documents/{document.Id}/versions", "contract-signed.pdf", second);
        Assert.Equal(HttpStatusCode.Created, versioned.StatusCode);

        var listed = (await (await admin.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>()).Data.Single();
        Assert.Equal(2, listed.LatestVersion);
        Assert.Equal("contract-signed.pdf", listed.FileName);
        Assert.Equal([2, 1], listed.Versions.Select(v => v.Version));
        Assert.Equal(second, await admin.Client.GetByteArrayAsync($"/api/v1/documents/{listed.Id}/content"));
        Assert.Equal(first, await admin.Client.GetByteArrayAsync(listed.Versions[1].ContentUrl));
        Assert.Equal(second, await admin.Client.GetByteArrayAsync(listed.Versions[0].ContentUrl));
    }

    [Fact]
    public async Task Delete_RemovesEveryVersionAndItsFileFromDisk()
    {
        var (admin, record) = await RecordAsync("companies");
        var before = app.StoredFiles().Length;
        var document = await (await admin.Client.UploadAsync($"{record}/documents", "a.pdf", DocumentFiles.Pdf())).ReadAsync<DocumentResponse>();
        await admin.Client.UploadAsync($"/api/v1/documents/{document.Id}/versions", "b.pdf", DocumentFiles.Pdf(seed: 3));
        Assert.Equal(before + 2, app.StoredFiles().Length);

        var deleted = await admin.Client.DeleteAsync($"/api/v1/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.Equal(before, app.StoredFiles().Length);
        Assert.Empty((await (await admin.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>()).Data);
        await (await admin.Client.GetAsync($"/api/v1/documents/{document.Id}/content")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("contacts")]
    [InlineData("companies")]
    public async Task DeletingTheRecord_RemovesItsDocumentsAndFilesOnly(string resource)
    {
        var (admin, record) = await RecordAsync(resource);
        var (_, other) = await RecordAsync(resource);
        var gone = await (await admin.Client.UploadAsync($"{record}/documents", "a.pdf", DocumentFiles.Pdf())).ReadAsync<DocumentResponse>();
        var kept = await (await admin.Client.UploadAsync($"{other}/documents", "b.pdf", DocumentFiles.Pdf())).ReadAsync<DocumentResponse>();
        var before = app.StoredFiles().Length;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync(record)).StatusCode);

        Assert.Equal(before - 1, app.StoredFiles().Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Document>().CountAsync(d => d.SeriesId == gone.Id || d.Id == gone.Id)));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/v1/documents/{kept.Id}/content")).StatusCode);
    }

    [Fact]
    public async Task Download_WhenTheFileIsMissingFromStorage_IsA404ProblemNotA500()
    {
        var (admin, record) = await RecordAsync("contacts");
        var before = app.StoredFiles();
        var document = await (await admin.Client.UploadAsync($"{record}/documents", "lost.pdf", DocumentFiles.Pdf())).ReadAsync<DocumentResponse>();
        File.Delete(Assert.Single(app.StoredFiles().Except(before)));

        var download = await admin.Client.GetAsync($"/api/v1/documents/{document.Id}/content");

        var problem = await download.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("missing from storage", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await (await admin.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>()).Data);
    }

    [Fact]
    public async Task MergingContacts_MovesTheDocumentsToTheSurvivor()
    {
        var (admin, survivor) = await RecordAsync("contacts");
        var merged = (await admin.CreateContactAsync(new { firstName = "Ada", lastName = "Files" })).Id;
        var document = await (await admin.Client.UploadAsync($"/api/v1/contacts/{merged}/documents", "cv.pdf", DocumentFiles.Pdf())).ReadAsync<DocumentResponse>();

        var response = await admin.Client.PostJsonAsync($"{survivor}/merge", new { mergeId = merged, fields = new { } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var listed = (await (await admin.Client.GetAsync($"{survivor}/documents")).ReadAsync<DocumentList>()).Data;
        Assert.Equal(document.Id, Assert.Single(listed).Id);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/v1/documents/{document.Id}/content")).StatusCode);
    }

    [Fact]
    public async Task Upload_OverTheConfiguredLimit_Returns413AndKeepsNothing()
    {
        var (admin, record) = await RecordAsync("contacts");
        var before = app.StoredFiles().Length;

        var justOver = await admin.Client.UploadAsync($"{record}/documents", "big.pdf", DocumentFiles.Pdf(DocumentFiles.Limit + 1));
        var problem = await justOver.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1 MB", problem.GetProperty("detail").GetString());
        var farOver = await admin.Client.UploadAsync($"{record}/documents", "huge.pdf", DocumentFiles.Pdf(3 * DocumentFiles.Limit));
        await farOver.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, app.StoredFiles().Length);
        Assert.Empty((await (await admin.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>()).Data);
        var atLimit = await admin.Client.UploadAsync($"{record}/documents", "fits.pdf", DocumentFiles.Pdf(DocumentFiles.Limit));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
    }

    [Fact]
    public async Task Upload_PdfWhoseContentIsAPng_IsRefusedNamingBoth()
    {
        var (admin, record) = await RecordAsync("contacts");
        var response = await admin.Client.UploadAsync($"{record}/documents", "invoice.pdf", DocumentFiles.Png());
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("PDF", detail);
        Assert.Contains("PNG", detail);

        var honest = await admin.Client.UploadAsync($"{record}/documents", "invoice.png", DocumentFiles.Png());
        Assert.Equal(HttpStatusCode.Created, honest.StatusCode);
        Assert.Equal("image/png", (await honest.ReadAsync<DocumentResponse>()).ContentType);
    }

    public static TheoryData<string, byte[]> Executables => new()
    {
        { "setup.exe", "just text, but the name runs it"u8.ToArray() },
        { "install.sh", "echo hello"u8.ToArray() },
        { "payload.js", "alert(1)"u8.ToArray() },
        { "tool.msi", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
        { "report.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, .. new byte[200]] },
        { "notes.txt", "#!/bin/sh\nrm -rf /\n"u8.ToArray() },
        { "data.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, .. new byte[100]] },
    };

    [Theory]
    [MemberData(nameof(Executables))]
    public async Task Upload_Executable_IsRefusedWithTheReason(string fileName, byte[] content)
    {
        var (admin, record) = await RecordAsync("contacts");
        var response = await admin.Client.UploadAsync($"{record}/documents", fileName, content);
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Matches("program|script", problem.GetProperty("detail").GetString());
        Assert.Empty((await (await admin.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>()).Data);
    }

    [Fact]
    public async Task Upload_NameWithPathTricks_IsStoredLiterallyAndTheFileStaysUnderDataFiles()
    {
        var (admin, record) = await RecordAsync("contacts");
        const string name = "../../etc/passwd";
        var before = app.StoredFiles();

        var response = await admin.Client.UploadAsync($"{record}/documents", name, "root:x:0:0:root:/root:/bin/bash\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.ReadAsync<DocumentResponse>();
        Assert.Equal(name, document.FileName);

        var added = app.StoredFiles().Except(before).Single();
        Assert.Equal(Path.GetFullPath(app.FilesRoot()), Path.GetDirectoryName(Path.GetFullPath(added)));
        Assert.DoesNotContain("passwd", Path.GetFileName(added));
        Assert.False(File.Exists(Path.Combine(app.FilesRoot(), name)));

        var download = await admin.Client.GetAsync($"/api/v1/documents/{document.Id}/content");
        Assert.Equal(".._.._etc_passwd", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(name, (await (await admin.Client.GetAsync($"/api/v1/documents/{document.Id}")).ReadAsync<DocumentResponse>()).FileName);
    }

    [Fact]
    public async Task SalesUser_GetsNotFoundForAnotherOwnersRecordAndItsDocuments()
    {
        var (owner, record) = await RecordAsync("contacts", Roles.Sales);
        var document = await (await owner.Client.UploadAsync($"{record}/documents", "mine.pdf", DocumentFiles.Pdf())).ReadAsync<DocumentResponse>();
        var other = await app.CreateUserAsync(Roles.Sales);

        await (await other.Client.GetAsync($"{record}/documents")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.UploadAsync($"{record}/documents", "theirs.pdf", DocumentFiles.Pdf())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync($"/api/v1/documents/{document.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync($"/api/v1/documents/{document.Versions[0].Id}/content")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.UploadAsync($"/api/v1/documents/{document.Id}/versions", "v2.pdf", DocumentFiles.Pdf())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.DeleteAsync($"/api/v1/documents/{document.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var mine = (await (await owner.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>()).Data.Single();
        Assert.Equal(1, mine.LatestVersion);
    }

    [Fact]
    public async Task ReadOnlyApiKey_CanDownloadButNotUploadOrDelete()
    {
        var (admin, record) = await RecordAsync("companies");
        var document = await (await admin.Client.UploadAsync($"{record}/documents", "a.pdf", DocumentFiles.Pdf())).ReadAsync<DocumentResponse>();
        var reader = await app.CreateUserAsync(Roles.Admin, ApiKeyScope.Read);

        await (await reader.Client.UploadAsync($"{record}/documents", "b.pdf", DocumentFiles.Pdf())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.Client.DeleteAsync($"/api/v1/documents/{document.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync($"/api/v1/documents/{document.Id}/content")).StatusCode);
        Assert.Single((await (await admin.Client.GetAsync($"{record}/documents")).ReadAsync<DocumentList>()).Data);
    }

    [Fact]
    public async Task Upload_WithoutAFilePart_Or_NotMultipart_IsAProblem()
    {
        var (admin, record) = await RecordAsync("contacts");
        var noFile = new MultipartFormDataContent { { new StringContent("x"), "comment" } };
        await (await admin.Client.PostAsync($"{record}/documents", noFile)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PostJsonAsync($"{record}/documents", new { file = "x" })).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await admin.Client.UploadAsync($"/api/v1/contacts/{Guid.NewGuid()}/documents", "a.pdf", DocumentFiles.Pdf()))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DescribesTheMultipartUpload()
    {
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var upload = doc.GetProperty("paths").GetProperty("/api/v1/contacts/{id}/documents").GetProperty("post");
        var form = Resolve(doc, upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema"));
        var file = Resolve(doc, form.GetProperty("properties").GetProperty("file"));
        Assert.Equal("binary", file.GetProperty("format").GetString());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/documents/{id}/versions", out _));
    }


    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}

public sealed class DocumentApiTestsOnSqlite(SmallUploadsSqliteApp app) : DocumentApiTests(app), IClassFixture<SmallUploadsSqliteApp>;

public sealed class DocumentApiTestsOnPostgres(SmallUploadsPostgresApp app) : DocumentApiTests(app), IClassFixture<SmallUploadsPostgresApp>;
