namespace Rapport.Contacts.Duplicates;

/// <summary>
/// How likely two records are the same. The strongest reason sets the score; each further reason adds a little,
/// so "same email and same phone" ranks above "same email" alone.
/// </summary>
public static class DuplicateScoring
{
    public const int MinScore = 50;

    /// <summary>Names at least this alike (Jaro-Winkler) count as similar.</summary>
    public const double SimilarName = 0.9;

    public static (int Score, List<string> Reasons) Contacts(ContactFacts a, ContactFacts b)
    {
        var found = new List<(int Score, string Reason)>();
        if (a.EmailKey is not null && a.EmailKey == b.EmailKey) found.Add((95, "same email"));
        if (a.PhoneKey is not null && a.PhoneKey == b.PhoneKey) found.Add((80, "same phone"));
        if (a.CompanyId is not null && a.CompanyId == b.CompanyId && a.PersonName.Length > 0 && b.PersonName.Length > 0)
        {
            var similarity = NameSimilarity.JaroWinkler(a.PersonName, b.PersonName);
            if (similarity >= 1) found.Add((75, "same name at the same company"));
            else if (similarity >= SimilarName) found.Add(((int)Math.Round(similarity * 70), "similar name at the same company"));
        }
        return Combine(found);
    }

    public static (int Score, List<string> Reasons) Companies(CompanyFacts a, CompanyFacts b)
    {
        var found = new List<(int Score, string Reason)>();
        if (a.DomainKey is not null && a.DomainKey == b.DomainKey) found.Add((90, "same domain"));
        if (a.NormalizedName.Length > 0 && b.NormalizedName.Length > 0)
        {
            var similarity = NameSimilarity.JaroWinkler(a.NormalizedName, b.NormalizedName);
            if (similarity >= 1) found.Add((85, "same name"));
            else if (similarity >= SimilarName) found.Add(((int)Math.Round(similarity * 75), "similar name"));
        }
        return Combine(found);
    }

    private static (int, List<string>) Combine(List<(int Score, string Reason)> found)
    {
        if (found.Count == 0) return (0, []);
        var ordered = found.OrderByDescending(f => f.Score).ToList();
        var score = Math.Min(100, ordered[0].Score + 5 * (ordered.Count - 1));
        return (score, ordered.Select(f => f.Reason).ToList());
    }
}
