using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Rapport.Platform.Api;

namespace Rapport.Platform.Documents;

/// <summary>
/// Reads the <c>file</c> part of a multipart/form-data request straight from the request body, so the file is
/// streamed to disk as it arrives (form binding would first buffer the whole upload to a temporary file).
/// </summary>
public static class MultipartUpload
{
    public const string FieldName = "file";

    /// <summary>Runs <paramref name="store"/> with the file part's name and content stream; 400 when there is none.</summary>
    public static async Task<T> ReadFileAsync<T>(HttpRequest request, Func<string?, Stream, Task<T>> store, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new BadHttpRequestException(
                $"Content-Type '{request.ContentType}' is not accepted here. Send multipart/form-data with the file in a part named '{FieldName}'.",
                StatusCodes.Status415UnsupportedMediaType);
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
            throw new BadRequestException("The multipart/form-data Content-Type needs a boundary of at most 200 characters.");

        // The file size limit is enforced while the part is copied (FileStore); this only guards the part headers.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FieldName, StringComparison.Ordinal))
                    continue;
                var fileName = disposition.FileNameStar.HasValue
                    ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                    : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                return await store(fileName, section.Body);
            }
        }
        catch (InvalidDataException e)
        {
            throw new BadRequestException($"The multipart body is malformed: {e.Message}");
        }
        throw RequestValidationException.For(FieldName, $"The request has no file part named '{FieldName}'.");
    }
}
