using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;
using Rapport.Platform.Search.Global;

namespace Rapport.Activities;

/// <summary>
/// Activities in the global search: by subject, body, location, outcome or sender. Activities have no page of
/// their own, so a hit opens the first record it is linked to (its timeline), or the activities list.
/// </summary>
public sealed class ActivitySearch(RapportDb db, ActivityAccess access) : ISearchProvider
{
    public string Type => "activity";
    public string Label => "Activities";
    public int Order => 2;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var exact = SearchRanking.Normalize(query.Text);
        var rows = await access.Readable().AsNoTracking().Candidates(db, query)
#pragma warning disable CA1862 // ToLower translates to SQL; string.Equals with a comparison does not
            .OrderByDescending(a => a.Subject.ToLower() == exact).ThenByDescending(a => a.OccurredAt)
#pragma warning restore CA1862
            .Take(query.CandidateLimit)
            .Select(a => new { a.Id, a.Subject, a.Type, a.OccurredAt, a.Links })
            .ToListAsync(ct);
        return rows.Select(a => new SearchHit(a.Id, a.Subject,
            $"{a.Type} · {a.OccurredAt:yyyy-MM-dd}", UrlOf(a.Links))).ToList();
    }

    private static string UrlOf(List<RecordLink> links) => links.FirstOrDefault() is { } link
        ? $"/{(link.Type == LinkedRecordType.Contact ? "contacts" : "companies")}/{link.Id}"
        : "/activities";
}
