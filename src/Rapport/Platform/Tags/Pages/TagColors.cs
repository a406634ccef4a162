using Rapport.Platform.Ui.Records;

namespace Rapport.Platform.Tags.Pages;

/// <summary>
/// The catalogue's colours for the chips of one circuit: loaded once (in a fresh scope, decision 0004) and kept for
/// 30 seconds, so a list page with fifty rows of chips asks the database once, and a recolour shows soon after.
/// </summary>
public sealed class TagColors(RecordOperations operations, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private Task<IReadOnlyDictionary<string, string>>? loading;
    private DateTimeOffset loadedAt;

    public Task<IReadOnlyDictionary<string, string>> GetAsync()
    {
        if (loading is null || clock.GetUtcNow() - loadedAt > Lifetime || loading.IsFaulted)
        {
            loadedAt = clock.GetUtcNow();
            loading = LoadAsync();
        }
        return loading;
    }

    /// <summary>Forget the colours (after the catalogue or a record's tags changed here).</summary>
    public void Invalidate() => loading = null;

    public static string Of(IReadOnlyDictionary<string, string> colors, string tag) =>
        colors.GetValueOrDefault(TagNames.Normalize(tag)) ?? TagNames.DefaultColor;

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync()
    {
        var result = await operations.RunAsync<TagService, Dictionary<string, string>>(s => s.ColorsAsync(CancellationToken.None));
        return result.Value ?? [];
    }
}
