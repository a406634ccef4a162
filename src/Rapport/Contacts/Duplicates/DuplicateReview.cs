using Rapport.Platform.Api;

namespace Rapport.Contacts.Duplicates;

/// <summary>The duplicates page's list: candidate pairs of contacts and companies, best first, a page at a time.</summary>
public sealed class DuplicateReview(ContactDuplicates contacts, CompanyDuplicates companies)
{
    public const int MaxLimit = 200;

    public async Task<DuplicatePairPage> PageAsync(string? type, int offset, int limit, CancellationToken ct)
    {
        if (type is not (null or "contact" or "company"))
            throw new BadRequestException("type: use 'contact' or 'company', or leave it out for both.");
        if (offset < 0) throw new BadRequestException("offset: must be 0 or more.");
        if (limit is < 1 or > MaxLimit) throw new BadRequestException($"limit: must be 1 to {MaxLimit}.");
        var pairs = new List<DuplicatePair>();
        if (type is null or "contact") pairs.AddRange(await contacts.PairsAsync(ct));
        if (type is null or "company") pairs.AddRange(await companies.PairsAsync(ct));
        var ordered = pairs.OrderByDescending(p => p.Score).ThenBy(p => p.First.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.First.Id).ThenBy(p => p.Second.Id).ToList();
        return new DuplicatePairPage(ordered.Skip(offset).Take(limit).ToList(), ordered.Count, offset, limit);
    }
}
