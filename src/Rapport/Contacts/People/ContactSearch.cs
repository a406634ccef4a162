using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Platform.Search.Global;

namespace Rapport.Contacts.People;

/// <summary>Contacts in the global search: by name, email, phone, job title, city or country.</summary>
public sealed class ContactSearch(RapportDb db, RecordAccess access) : ISearchProvider
{
    public string Type => "contact";
    public string Label => "Contacts";
    public int Order => 1;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var readable = access.Readable(db.Contacts.AsNoTracking());
        var exact = SearchRanking.Normalize(query.Text);
        var hits = await readable.Candidates(db, query)
#pragma warning disable CA1862 // ToLower translates to SQL; string.Equals with a comparison does not
            .OrderByDescending(c => (c.FirstName + " " + c.LastName).ToLower() == exact || c.LastName.ToLower() == exact)
#pragma warning restore CA1862
            .ThenBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Take(query.CandidateLimit)
            .Select(c => new SearchHit(c.Id, c.FirstName + " " + c.LastName, c.PrimaryEmail ?? c.JobTitle, UrlOf(c.Id), false))
            .ToListAsync(ct);
        if (TypoTolerance.Wanted(hits, query) && TypoTolerance.SimilarIds(db, "Contacts", query) is { } similar)
        {
            var found = hits.Select(h => h.Id).ToList();
            hits.AddRange(await readable.Where(c => similar.Contains(c.Id) && !found.Contains(c.Id))
                .OrderBy(c => c.LastName).Take(query.Limit)
                .Select(c => new SearchHit(c.Id, c.FirstName + " " + c.LastName, c.PrimaryEmail ?? c.JobTitle, UrlOf(c.Id), true))
                .ToListAsync(ct));
        }
        return hits;
    }

    // Built in .NET, not SQL: SQLite would write the id in upper case.
    private static string UrlOf(Guid id) => $"/contacts/{id}";
}
