using System.Net;
using Rapport.Platform.Auth;
using Rapport.Platform.Documents;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Documents;

/// <summary>/files/{id}: the UI's download, authenticated by the sign-in cookie, with the API's access checks.</summary>
public abstract class DocumentFileTests(RapportApp app)
{
    private const string Password = "a long enough test password";

    [Fact]
    public async Task SignedInOwner_DownloadsTheFile_OtherSalesUserGetsNotFound_AnonymousIsSentToSignIn()
    {
        var owner = await app.CreateUserAsync(Roles.Sales);
        var contact = await owner.CreateContactAsync(new { firstName = "Cookie", lastName = "Owner" });
        var content = DocumentFiles.Pdf(20_000);
        var document = await (await owner.Client.UploadAsync($"/api/v1/contacts/{contact.Id}/documents", "offer.pdf", content))
            .ReadAsync<DocumentResponse>();
        var url = $"/files/{document.Versions[0].Id}";

        var ownerBrowser = await app.SignInAsync(owner.Email, Password);
        var download = await ownerBrowser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var other = await app.CreateUserAsync(Roles.Sales);
        var otherBrowser = await app.SignInAsync(other.Email, Password);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync(url)).StatusCode);

        var anonymous = await app.BrowserClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ApiKey_IsNotAcceptedOnTheCookieDownload()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var company = await admin.CreateCompanyAsync(new { name = "Key Holders" });
        var document = await (await admin.Client.UploadAsync($"/api/v1/companies/{company.Id}/documents", "a.pdf", DocumentFiles.Pdf()))
            .ReadAsync<DocumentResponse>();
        var response = await admin.Client.GetAsync($"/files/{document.Id}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class DocumentFileTestsOnSqlite(SqliteApp app) : DocumentFileTests(app), IClassFixture<SqliteApp>;

public sealed class DocumentFileTestsOnPostgres(PostgresApp app) : DocumentFileTests(app), IClassFixture<PostgresApp>;
