using System.Net;
using System.Text.Json;
using Rapport.Platform.CustomFields;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.CustomFields;

/// <summary>Defines custom fields through the API; each test names its own fields so tests never see each other's.</summary>
public static class CustomFieldClient
{
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public static async Task<CustomFieldResponse> DefineAsync(this ApiUser admin, object body)
    {
        var response = await admin.Client.PostJsonAsync("/api/v1/custom-fields", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CustomFieldResponse>();
    }

    public static async Task ArchiveAsync(this ApiUser admin, Guid id)
    {
        var response = await admin.Client.PostAsync($"/api/v1/custom-fields/{id}/archive", null);
        await response.EnsureSuccessAsync();
    }

    public static object? Value(this IReadOnlyDictionary<string, JsonElement> values, string name) =>
        values.TryGetValue(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Array => string.Join("|", value.EnumerateArray().Select(e => e.GetString())),
            _ => value.GetRawText(),
        } : null;
}
