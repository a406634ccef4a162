using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Platform.Search.Global;

namespace Rapport.Contacts.Companies;

/// <summary>Companies in the global search: by name, domain, industry, city, country or phone.</summary>
public sealed class CompanySearch(RapportDb db, RecordAccess access) : ISearchProvider
{
    public string Type => "company";
    public string Label => "Companies";
    public int Order => 0;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var readable = access.Readable(db.Companies.AsNoTracking());
        var exact = SearchRanking.Normalize(query.Text);
        var hits = await readable.Candidates(db, query)
#pragma warning disable CA1862 // ToLower translates to SQL; string.Equals with a comparison does not
            .OrderByDescending(c => c.Name.ToLower() == exact).ThenBy(c => c.Name)
#pragma warning restore CA1862
            .Take(query.CandidateLimit)
            .Select(c => new SearchHit(c.Id, c.Name, c.Domain ?? c.Industry ?? c.City, UrlOf(c.Id), false))
            .ToListAsync(ct);
        if (TypoTolerance.Wanted(hits, query) && TypoTolerance.SimilarIds(db, "Companies", query) is { } similar)
        {
            var found = hits.Select(h => h.Id).ToList();
            hits.AddRange(await readable.Where(c => similar.Contains(c.Id) && !found.Contains(c.Id))
                .OrderBy(c => c.Name).Take(query.Limit)
                .Select(c => new SearchHit(c.Id, c.Name, c.Domain ?? c.Industry ?? c.City, UrlOf(c.Id), true))
                .ToListAsync(ct));
        }
        return hits;
    }

    // Built in .NET, not SQL: SQLite would write the id in upper case.
    private static string UrlOf(Guid id) => $"/companies/{id}";
}
