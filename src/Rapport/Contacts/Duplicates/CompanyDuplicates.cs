using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Duplicates;

/// <summary>Likely duplicates among the companies the caller can see: same domain, or alike names.</summary>
public sealed class CompanyDuplicates(RapportDb db, RecordAccess access)
{
    /// <summary>Companies whose lower-case name starts alike are read (by the name-key index) and compared.</summary>
    private const int PrefixLength = 3;

    private const int MaxCandidates = 500;

    /// <summary>The duplicates page compares at most this many companies per visit, each with its neighbours.</summary>
    private const int MaxScanned = 20_000;

    private const int Window = 8;

    private IQueryable<Company> Readable() => access.Readable(db.Companies).AsNoTracking();

    public async Task<List<DuplicateMatch>> ForAsync(CompanyFacts probe, CancellationToken ct)
    {
        var candidates = new Dictionary<Guid, CompanyFacts>();
        if (probe.DomainKey is { } domain)
            Add(candidates, await Facts(Readable().Where(c => c.Domain == domain)).Take(ContactDuplicates.MaxMatches).ToListAsync(ct));
        // Range over the indexed key rather than LIKE, which PostgreSQL indexes only under the C collation.
        foreach (var prefix in Prefixes(probe.Name))
        {
            var upper = prefix + char.MaxValue;
            Add(candidates, await Facts(Readable().Where(c => EF.Property<string>(c, DuplicateKeys.CompanyName).CompareTo(prefix) >= 0
                    && EF.Property<string>(c, DuplicateKeys.CompanyName).CompareTo(upper) < 0))
                .Take(MaxCandidates).ToListAsync(ct));
        }
        return candidates.Values.Where(c => c.Id != probe.Id)
            .Select(c => (Facts: c, Result: DuplicateScoring.Companies(probe, c)))
            .Where(m => m.Result.Score >= DuplicateScoring.MinScore)
            .Select(m => new DuplicateMatch(m.Facts.Id!.Value, m.Facts.Name, m.Facts.Domain, m.Result.Score, m.Result.Reasons))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Take(ContactDuplicates.MaxMatches).ToList();
    }

    public async Task<List<DuplicateMatch>> ForExistingAsync(Guid id, CancellationToken ct)
    {
        var facts = await Facts(Readable().Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
        return facts is null ? [] : await ForAsync(facts, ct);
    }

    /// <summary>
    /// Candidate pairs for the duplicates page: companies sorted by normalised name, each compared with its next
    /// few neighbours (the sorted-neighbourhood method), and companies sharing a domain.
    /// </summary>
    public async Task<List<DuplicatePair>> PairsAsync(CancellationToken ct)
    {
        var all = await Facts(Readable().OrderBy(c => c.Id)).Take(MaxScanned).ToListAsync(ct);
        var pairs = new Dictionary<(Guid, Guid), DuplicatePair>();
        void Compare(CompanyFacts x, CompanyFacts y)
        {
            var (a, b) = x.Id < y.Id ? (x, y) : (y, x);
            if (pairs.ContainsKey((a.Id!.Value, b.Id!.Value))) return;
            var (score, reasons) = DuplicateScoring.Companies(a, b);
            if (score < DuplicateScoring.MinScore) return;
            pairs[(a.Id.Value, b.Id.Value)] = new DuplicatePair("company",
                new DuplicateMatch(a.Id.Value, a.Name, a.Domain, 0, []), new DuplicateMatch(b.Id.Value, b.Name, b.Domain, 0, []), score, reasons);
        }
        var byName = all.OrderBy(c => c.NormalizedName, StringComparer.Ordinal).ToList();
        for (var i = 0; i < byName.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(byName.Count, i + 1 + Window); j++) Compare(byName[i], byName[j]);
        }
        foreach (var sameDomain in all.Where(c => c.DomainKey is not null).GroupBy(c => c.DomainKey).Where(g => g.Count() > 1))
        {
            var group = sameDomain.Take(50).ToList();
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++) Compare(group[i], group[j]);
            }
        }
        return pairs.Values.ToList();
    }

    /// <summary>The key prefixes to look under: the name as typed, and without a leading "the".</summary>
    private static IEnumerable<string> Prefixes(string name)
    {
        var key = DuplicateKeys.Name(name) ?? "";
        var normalized = NameSimilarity.Company(name);
        return new[] { key, normalized }.Where(k => k.Length > 0)
            .Select(k => k[..Math.Min(PrefixLength, k.Length)]).Distinct();
    }

    private static IQueryable<CompanyFacts> Facts(IQueryable<Company> companies) =>
        companies.Select(c => new { c.Id, c.Name, c.Domain }).Select(c => new CompanyFacts(c.Id, c.Name, c.Domain));

    private static void Add(Dictionary<Guid, CompanyFacts> into, List<CompanyFacts> found)
    {
        foreach (var facts in found) into.TryAdd(facts.Id!.Value, facts);
    }
}
