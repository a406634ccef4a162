using Microsoft.AspNetCore.WebUtilities;
using Rapport.Platform.Api.Listing;

namespace Rapport.Platform.Ui.Records;

public sealed record SortChoice(string Field, bool Descending)
{
    public override string ToString() => Descending ? "-" + Field : Field;
}

/// <summary>
/// What a list page shows: search text, filters, sort and page. It round-trips through the page URL, so a
/// search can be bookmarked and the back button returns to the same rows.
/// </summary>
public sealed class ListState
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];
    private const string FilterPrefix = "f_";

    public string? Q { get; set; }
    public List<SortChoice> Sort { get; } = [];
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = DefaultPageSize;
    public Dictionary<string, List<string>> Filters { get; } = new(StringComparer.Ordinal);

    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// Clicking a header sorts by it; clicking again reverses it; a third click removes it. Other sorted
    /// columns stay, so several clicks build a multi-column sort (at most the API's limit, oldest dropped).
    /// </summary>
    public void ToggleSort(string field)
    {
        var index = Sort.FindIndex(s => s.Field == field);
        if (index < 0)
        {
            Sort.Add(new SortChoice(field, false));
            if (Sort.Count > SortKeys.MaxKeys) Sort.RemoveAt(0);
        }
        else if (!Sort[index].Descending) Sort[index] = Sort[index] with { Descending = true };
        else Sort.RemoveAt(index);
        Page = 1;
    }

    public SortChoice? SortOf(string field) => Sort.FirstOrDefault(s => s.Field == field);

    public ListRequest ToRequest(IEnumerable<ListFilter> filters)
    {
        var expressions = filters
            .Select(f => f.ToExpression(Filters.GetValueOrDefault(f.Key) ?? []))
            .OfType<string>().ToList();
        var filter = expressions.Count == 0 ? null : string.Join(" and ", expressions);
        var sort = Sort.Count == 0 ? null : string.Join(",", Sort);
        return new ListRequest(filter, sort, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), null, null);
    }

    public static ListState FromQuery(string query, IEnumerable<ListFilter> filters)
    {
        var values = QueryHelpers.ParseQuery(query);
        var state = new ListState { Q = values.TryGetValue("q", out var q) ? q.ToString() : null };
        if (values.TryGetValue("sort", out var sort))
        {
            foreach (var part in sort.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(SortKeys.MaxKeys))
                state.Sort.Add(new SortChoice(part.TrimStart('-'), part.StartsWith('-')));
        }
        if (values.TryGetValue("page", out var page) && int.TryParse(page, out var p) && p > 0) state.Page = p;
        if (values.TryGetValue("size", out var size) && int.TryParse(size, out var s) && PageSizes.Contains(s)) state.PageSize = s;
        foreach (var filter in filters)
        {
            if (values.TryGetValue(FilterPrefix + filter.Key, out var chosen))
                state.Filters[filter.Key] = chosen.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        }
        return state;
    }

    /// <summary>Query parameters for the URL; defaults are left out to keep links short.</summary>
    public Dictionary<string, object?> ToQuery(IEnumerable<ListFilter> filters)
    {
        var query = new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["sort"] = Sort.Count == 0 ? null : string.Join(",", Sort),
            ["page"] = Page == 1 ? null : Page,
            ["size"] = PageSize == DefaultPageSize ? null : PageSize,
        };
        foreach (var filter in filters)
        {
            var chosen = Filters.GetValueOrDefault(filter.Key);
            query[FilterPrefix + filter.Key] = chosen is { Count: > 0 } ? chosen.ToArray() : null;
        }
        return query;
    }
}
