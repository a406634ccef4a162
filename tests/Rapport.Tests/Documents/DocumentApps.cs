using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Documents;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Documents;

/// <summary>The app with a 1 MB upload limit, so the limit can be crossed without moving 25 MB around.</summary>
public sealed class SmallUploadsSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Rapport:Documents:MaxSizeMb", "1");
    }
}

public sealed class SmallUploadsPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Rapport:Documents:MaxSizeMb", "1");
    }
}

/// <summary>Intent methods for documents: files as a browser would send them, and what lands on disk.</summary>
public static class DocumentFiles
{
    public const int Limit = 1024 * 1024;

    public static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Pdf(int size = 4000, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png(int size = 2000)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        PngHeader.CopyTo(bytes, 0);
        return bytes;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        return client.PostAsync(url, form);
    }

    public static string FilesRoot(this RapportApp app) => app.Services.GetRequiredService<FileStore>().Root;

    public static string[] StoredFiles(this RapportApp app) =>
        Directory.Exists(app.FilesRoot()) ? Directory.GetFiles(app.FilesRoot(), "*", SearchOption.AllDirectories) : [];
}
