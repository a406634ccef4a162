using System.Text.Json;

namespace Rapport.Platform.Api;

/// <summary>Reads a JSON request body with the API's JSON rules, turning every way it can be wrong into a 4xx.</summary>
public static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            throw new BadHttpRequestException("Send the body as application/json.", StatusCodes.Status415UnsupportedMediaType);
        try
        {
            return await request.ReadFromJsonAsync<T>(ct)
                ?? throw new BadRequestException("The request body is empty or null; send a JSON object.");
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The request body is not valid: {e.Message}");
        }
    }
}
