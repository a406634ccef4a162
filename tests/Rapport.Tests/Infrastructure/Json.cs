using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rapport.Platform.Api;

namespace Rapport.Tests.Infrastructure;

public static class Json
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiSetup.Configure(options);
        return options;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)!;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Could not read {typeof(T).Name} from {(int)response.StatusCode}: {text}", e);
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Options);

    public static StringContent Raw(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = Raw(JsonSerializer.Serialize(body, Options), "application/merge-patch+json"),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}

public static class ResponseAssertions
{
    public static async Task EnsureSuccessAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            Assert.Fail($"Expected success, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
