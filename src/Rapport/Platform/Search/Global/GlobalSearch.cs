using Rapport.Platform.Api;

namespace Rapport.Platform.Search.Global;

public sealed record SearchResult(string Type, Guid Id, string Title, string? Subtitle, string Url, double Score);

public sealed record SearchGroup(string Type, string Label, IReadOnlyList<SearchResult> Results);

public sealed record SearchResponse(string Query, IReadOnlyList<SearchGroup> Groups);

/// <summary>Runs every registered <see cref="ISearchProvider"/>, ranks each type's hits and groups them, best group first.</summary>
public sealed class GlobalSearch(IEnumerable<ISearchProvider> providers)
{
    public const int DefaultLimit = 5, MaxLimit = 20, MaxQueryLength = 200;

    public async Task<SearchResponse> SearchAsync(string? q, int? limit, CancellationToken ct)
    {
        if (q is { Length: > MaxQueryLength })
            throw new BadRequestException($"q may be at most {MaxQueryLength} characters.");
        if (limit is < 1 or > MaxLimit)
            throw new BadRequestException($"limit must be between 1 and {MaxLimit}.");
        var terms = SearchTerms.Split(q);
        if (terms.Count == 0) return new SearchResponse(q ?? "", []);
        var query = new SearchQuery(q!.Trim(), terms, limit ?? DefaultLimit);

        var groups = new List<(SearchGroup Group, int Order)>();
        // One DbContext per scope: providers run one after another, each a bounded, indexed query.
        foreach (var provider in providers)
        {
            var hits = await provider.SearchAsync(query, ct);
            var results = hits
                .DistinctBy(h => h.Id)
                .Select(h => new SearchResult(provider.Type, h.Id, h.Title, h.Subtitle, h.Url, SearchRanking.Score(h, query)))
                .OrderByDescending(r => r.Score).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
                .Take(query.Limit)
                .ToList();
            if (results.Count > 0) groups.Add((new SearchGroup(provider.Type, provider.Label, results), provider.Order));
        }
        return new SearchResponse(query.Text, groups
            .OrderByDescending(g => g.Group.Results[0].Score).ThenBy(g => g.Order)
            .Select(g => g.Group).ToList());
    }
}
