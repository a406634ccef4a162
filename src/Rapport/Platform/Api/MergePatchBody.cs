using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Rapport.Platform.Api;

/// <summary>Applies a JSON merge patch to a resource's writable document, with the API's JSON rules (unknown members rejected).</summary>
public sealed class MergePatchBody(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> options)
{
    private readonly JsonSerializerOptions json = options.Value.SerializerOptions;

    public TInput Apply<TInput>(TInput current, JsonNode? patch)
    {
        if (patch is not JsonObject) throw new BadRequestException("A merge patch body must be a JSON object.");
        var merged = JsonMergePatch.Apply(JsonSerializer.SerializeToNode(current, json), patch);
        try
        {
            return merged.Deserialize<TInput>(json) ?? throw new BadRequestException("The patched document is empty.");
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The request body is not valid: {e.Message}");
        }
    }
}
