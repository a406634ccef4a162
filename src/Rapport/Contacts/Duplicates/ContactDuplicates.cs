using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Duplicates;

/// <summary>Likely duplicates among the contacts the caller can see, found through the match-key indexes.</summary>
public sealed class ContactDuplicates(RapportDb db, RecordAccess access)
{
    public const int MaxMatches = 20;

    /// <summary>Colleagues compared by name per company; a company's list is read once, by its index.</summary>
    private const int MaxPerCompany = 500;

    /// <summary>What the duplicates page compares per visit (groups of equal keys, companies with colleagues).</summary>
    private const int MaxGroups = 1000;

    private IQueryable<Contact> Readable() => access.Readable(db.Contacts).AsNoTracking();

    /// <summary>Contacts that may be the same person as <paramref name="probe"/>, best first.</summary>
    public async Task<List<DuplicateMatch>> ForAsync(ContactFacts probe, CancellationToken ct)
    {
        var candidates = new Dictionary<Guid, ContactFacts>();
        if (probe.EmailKey is { } email)
            Add(candidates, await Facts(Readable().Where(c => EF.Property<string>(c, DuplicateKeys.ContactEmail) == email)).Take(MaxMatches).ToListAsync(ct));
        if (probe.PhoneKey is { } phone)
            Add(candidates, await Facts(Readable().Where(c => EF.Property<string>(c, DuplicateKeys.ContactPhone) == phone)).Take(MaxMatches).ToListAsync(ct));
        if (probe.CompanyId is { } company && probe.PersonName.Length > 0)
            Add(candidates, await Facts(Readable().Where(c => c.CompanyId == company)).Take(MaxPerCompany).ToListAsync(ct));
        return candidates.Values.Where(c => c.Id != probe.Id)
            .Select(c => Match(c, DuplicateScoring.Contacts(probe, c)))
            .Where(m => m.Score >= DuplicateScoring.MinScore)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxMatches).ToList();
    }

    public async Task<List<DuplicateMatch>> ForExistingAsync(Guid id, CancellationToken ct)
    {
        var facts = await Facts(Readable().Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
        return facts is null ? [] : await ForAsync(facts, ct);
    }

    /// <summary>
    /// Candidate pairs for the duplicates page: contacts sharing an email or phone key (grouped in the database),
    /// and colleagues with alike names. Bounded to <see cref="MaxGroups"/> groups per rule.
    /// </summary>
    public async Task<List<DuplicatePair>> PairsAsync(CancellationToken ct)
    {
        var groups = new List<List<ContactFacts>>();
        foreach (var key in new[] { DuplicateKeys.ContactEmail, DuplicateKeys.ContactPhone })
        {
            var keys = await Readable().Select(c => EF.Property<string?>(c, key)).Where(k => k != null)
                .GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).OrderBy(k => k).Take(MaxGroups).ToListAsync(ct);
            if (key == DuplicateKeys.ContactPhone) keys = keys.Where(k => k!.Length >= DuplicateKeys.MinPhoneDigits).ToList();
            foreach (var chunk in keys.Chunk(200))
            {
                var rows = await Facts(Readable().Where(c => chunk.Contains(EF.Property<string?>(c, key)))).ToListAsync(ct);
                groups.AddRange(rows.GroupBy(r => key == DuplicateKeys.ContactEmail ? r.EmailKey : r.PhoneKey).Select(g => g.ToList()));
            }
        }
        var companies = await Readable().Where(c => c.CompanyId != null).GroupBy(c => c.CompanyId)
            .Where(g => g.Count() > 1).Select(g => g.Key).OrderBy(k => k).Take(MaxGroups).ToListAsync(ct);
        foreach (var chunk in companies.Chunk(200))
        {
            var rows = await Facts(Readable().Where(c => chunk.Contains(c.CompanyId))).ToListAsync(ct);
            groups.AddRange(rows.GroupBy(r => r.CompanyId).Select(g => g.Take(MaxPerCompany).ToList()));
        }

        var pairs = new Dictionary<(Guid, Guid), DuplicatePair>();
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    var (a, b) = group[i].Id < group[j].Id ? (group[i], group[j]) : (group[j], group[i]);
                    if (pairs.ContainsKey((a.Id!.Value, b.Id!.Value))) continue;
                    var (score, reasons) = DuplicateScoring.Contacts(a, b);
                    if (score < DuplicateScoring.MinScore) continue;
                    pairs[(a.Id.Value, b.Id.Value)] = new DuplicatePair("contact", Side(a), Side(b), score, reasons);
                }
            }
        }
        return pairs.Values.ToList();
    }

    private static IQueryable<ContactFacts> Facts(IQueryable<Contact> contacts) =>
        contacts.Select(c => new { c.Id, c.FirstName, c.LastName, c.PrimaryEmail, c.PrimaryPhone, c.CompanyId })
            .Select(c => ContactFacts.Of(c.Id, c.FirstName, c.LastName, c.PrimaryEmail, c.PrimaryPhone, c.CompanyId));

    private static void Add(Dictionary<Guid, ContactFacts> into, List<ContactFacts> found)
    {
        foreach (var facts in found) into.TryAdd(facts.Id!.Value, facts);
    }

    private static DuplicateMatch Match(ContactFacts c, (int Score, List<string> Reasons) result) =>
        new(c.Id!.Value, c.Name, c.Email ?? c.Phone, result.Score, result.Reasons);

    private static DuplicateMatch Side(ContactFacts c) => new(c.Id!.Value, c.Name, c.Email ?? c.Phone, 0, []);
}
