using System.Text.Json;
using Microsoft.JSInterop;

namespace Rapport.Platform.Ui.Records;

/// <summary>
/// Which columns a person chose for a list, kept in the browser's localStorage: a display choice of one
/// person on one device, so it needs no table, and survives a reload.
/// </summary>
public sealed class ColumnPreferences(IJSRuntime js)
{
    private const string Prefix = "rapport.columns.";

    public async Task<IReadOnlyList<string>?> LoadAsync(string list)
    {
        try
        {
            var json = await js.InvokeAsync<string?>("localStorage.getItem", Prefix + list);
            return string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<List<string>>(json);
        }
        catch (JsonException)
        {
            return null; // an old or hand-edited value: fall back to the default columns
        }
    }

    public async Task SaveAsync(string list, IEnumerable<string> visibleKeys) =>
        await js.InvokeVoidAsync("localStorage.setItem", Prefix + list, JsonSerializer.Serialize(visibleKeys));
}
