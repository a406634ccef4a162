namespace Rapport.Platform.Search.Global;

/// <summary>What a person typed, split into words, and how many hits each type may return.</summary>
public sealed record SearchQuery(string Text, IReadOnlyList<string> Terms, int Limit)
{
    /// <summary>Candidates fetched per type before ranking: enough for exact matches to surface, still bounded.</summary>
    public int CandidateLimit => Math.Max(Limit * 4, 20);
}

/// <summary>One record found, before ranking: the title is what exact and prefix matches are judged on.</summary>
public sealed record SearchHit(Guid Id, string Title, string? Subtitle, string Url, bool Fuzzy = false);

/// <summary>
/// One searchable record type. A module adds its records to the global search box by registering one with
/// <see cref="SearchProviderRegistration.AddSearchProvider{T}"/>; results must already be narrowed to what the
/// caller may read.
/// </summary>
public interface ISearchProvider
{
    /// <summary>Machine name of the group, e.g. "contact".</summary>
    string Type { get; }

    /// <summary>Heading of the group in the UI, e.g. "Contacts".</summary>
    string Label { get; }

    /// <summary>Where the group sits when scores tie (lower first).</summary>
    int Order { get; }

    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct);
}

public static class SearchProviderRegistration
{
    public static IServiceCollection AddSearchProvider<T>(this IServiceCollection services) where T : class, ISearchProvider =>
        services.AddScoped<ISearchProvider, T>();
}
