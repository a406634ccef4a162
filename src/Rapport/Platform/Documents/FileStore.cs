using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Rapport.Platform.Hosting;

namespace Rapport.Platform.Documents;

/// <summary>
/// The files behind documents, under {DataDirectory}/files/ with generated names. Content is streamed to disk
/// in small buffers while its size is counted and its hash computed, so a 25 MB upload never sits in memory.
/// </summary>
public sealed class FileStore(IOptions<RapportOptions> rapport, IOptions<DocumentOptions> documents)
{
    private const int BufferSize = 81920;

    public string Root => Path.Combine(rapport.Value.ResolvedDataDirectory, "files");

    public long MaxSizeBytes => documents.Value.MaxSizeBytes;

    /// <summary>
    /// Copies <paramref name="content"/> to a new file and checks it against <paramref name="fileName"/>'s type.
    /// Over the size limit → 413; refused type → 422; in both cases nothing is left on disk.
    /// </summary>
    public async Task<StoredFile> SaveAsync(Stream content, string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var storageName = Guid.CreateVersion7().ToString("N");
        var path = PathOf(storageName);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var header = new byte[FileTypes.HeaderLength];
        var headerLength = 0;
        long size = 0;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    size += read;
                    if (size > MaxSizeBytes) throw TooLarge();
                    var copy = Math.Min(read, header.Length - headerLength);
                    if (copy > 0)
                    {
                        buffer.AsSpan(0, copy).CopyTo(header.AsSpan(headerLength));
                        headerLength += copy;
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0) throw new Api.UnprocessableException("The file is empty.");
            var verdict = FileTypes.Check(fileName, header.AsMemory(0, headerLength));
            if (verdict.Refusal is { } reason) throw new Api.UnprocessableException(reason);
            return new StoredFile(storageName, size, Convert.ToHexStringLower(hash.GetHashAndReset()), verdict.ContentType!);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public BadHttpRequestException TooLarge() =>
        new($"The file is over the upload limit of {documents.Value.MaxSizeMb} MB.", StatusCodes.Status413PayloadTooLarge);

    public Stream OpenRead(string storageName) =>
        new FileStream(PathOf(storageName), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public void Delete(string storageName) => File.Delete(PathOf(storageName));

    /// <summary>Storage names are generated hex strings; anything else would be a bug, never a path to follow.</summary>
    private string PathOf(string storageName)
    {
        if (storageName.Length == 0 || !storageName.All(char.IsAsciiHexDigitLower))
            throw new InvalidOperationException("Not a generated storage name.");
        return Path.Combine(Root, storageName);
    }
}

public sealed record StoredFile(string StorageName, long Size, string Sha256, string ContentType);
