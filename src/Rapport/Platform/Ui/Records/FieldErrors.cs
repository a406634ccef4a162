namespace Rapport.Platform.Ui.Records;

/// <summary>
/// A form's field messages, keyed by the JSON path the services name them by (<c>name</c>,
/// <c>address.city</c>, <c>emails[1].address</c>), so a field shows exactly what the API would report for it.
/// </summary>
public sealed class FieldErrors
{
    private Dictionary<string, string[]> errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => errors.Count > 0;

    public bool Has(string path) => errors.ContainsKey(path);

    /// <summary>The messages for one field, joined; null when it has none.</summary>
    public string? this[string path] => errors.TryGetValue(path, out var messages) ? string.Join(" ", messages) : null;

    public void Show(UiProblem? problem) =>
        errors = new Dictionary<string, string[]>(problem?.Errors ?? new Dictionary<string, string[]>(), StringComparer.OrdinalIgnoreCase);

    public void Clear() => errors.Clear();

    public void Clear(string path) => errors.Remove(path);

    /// <summary>Messages for paths no field on the form shows, so none is lost.</summary>
    public IEnumerable<string> Outside(Func<string, bool> isShown) =>
        errors.Where(e => !isShown(e.Key))
            .SelectMany(e => e.Value.Select(m => e.Key.Length == 0 ? m : $"{e.Key}: {m}"));
}
