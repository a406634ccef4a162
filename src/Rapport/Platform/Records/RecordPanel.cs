using Rapport.Activities;

namespace Rapport.Platform.Records;

/// <summary>
/// One panel of a record's 360° page, contributed by a module: open tasks (Activities), documents (Documents), and
/// later deals, tickets, campaigns and consent. The page renders <see cref="Component"/> (a Razor component taking
/// <c>RecordType</c> and <c>RecordId</c> parameters) and the overview API returns <see cref="LoadAsync"/>'s data
/// under <see cref="Key"/>, so a new module reaches both by registering one panel.
/// </summary>
public sealed record RecordPanel(
    string Key,
    string Title,
    int Order,
    IReadOnlySet<LinkedRecordType> RecordTypes,
    Type Component,
    Func<IServiceProvider, LinkedRecordType, Guid, CancellationToken, Task<object>> LoadAsync);

public static class RecordPanels
{
    public static IServiceCollection AddRecordPanel(this IServiceCollection services, RecordPanel panel) =>
        services.AddSingleton(panel);

    /// <summary>The panels shown for one kind of record, in page order.</summary>
    public static IReadOnlyList<RecordPanel> For(this IEnumerable<RecordPanel> panels, LinkedRecordType type) =>
        [.. panels.Where(p => p.RecordTypes.Contains(type)).OrderBy(p => p.Order).ThenBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>Every panel's data for the record, keyed by panel; run in the caller's scope, so each is access-checked.</summary>
    public static async Task<IReadOnlyDictionary<string, object>> LoadAllAsync(IServiceProvider services,
        LinkedRecordType type, Guid id, CancellationToken ct)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var panel in services.GetServices<RecordPanel>().For(type))
            data[panel.Key] = await panel.LoadAsync(services, type, id, ct);
        return data;
    }
}
