using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Rapport.Platform.Api;

/// <summary>Applies a JSON merge patch to a resource's writable document, with the API's JSON rules (unknown members rejected).</summary>
public sealed class MergePatchBody(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> options)
{
    private readonly JsonSerializerOptions json = options.Value.SerializerOptions;

    public TInput Apply<TInput>(TInput current, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object) throw new BadRequestException("A merge patch body must be a JSON object.");
        try
        {
            var merged = JsonMergePatch.Apply(JsonSerializer.SerializeToNode(current, json), JsonObject.Create(patch));
            return merged.Deserialize<TInput>(json) ?? throw new BadRequestException("The patched document is empty.");
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The request body is not valid: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The patch is read lazily: text that is not valid UTF-16 (a lone surrogate escape such as
            // "\uD800") only fails here, when its value is first read.
            throw new BadRequestException($"The request body is not valid: {e.Message}");
        }
    }
}
