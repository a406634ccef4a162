namespace Rapport.Platform.Ui.Records;

/// <summary>
/// The rows ticked on a list page, and what to call once a bulk action has changed them: the list reloads (the ticks
/// clear) and shows the outcome.
/// </summary>
public sealed record BulkSelection(IReadOnlyList<Guid> Ids, Func<string, Task> Done);
