namespace Rapport.Contacts.Duplicates;

/// <summary>A record that may be the same as the one being checked: 0–100, and why.</summary>
public sealed record DuplicateMatch(Guid Id, string Name, string? Detail, int Score, IReadOnlyList<string> Reasons);

/// <summary>Two records of one type (<c>contact</c> or <c>company</c>) that may be the same.</summary>
public sealed record DuplicatePair(string Type, DuplicateMatch First, DuplicateMatch Second, int Score, IReadOnlyList<string> Reasons);

public sealed record DuplicatePairPage(IReadOnlyList<DuplicatePair> Data, int Total, int Offset, int Limit);

/// <summary>What is known of a contact for matching: an existing one, or one about to be created.</summary>
public sealed record ContactFacts(Guid? Id, string Name, string? Email, string? Phone, Guid? CompanyId, string PersonName)
{
    public string? EmailKey { get; } = DuplicateKeys.Email(Email);
    public string? PhoneKey { get; } = DuplicateKeys.Phone(Phone) is { Length: >= DuplicateKeys.MinPhoneDigits } key ? key : null;

    public static ContactFacts Of(Guid? id, string? first, string? last, string? email, string? phone, Guid? companyId)
    {
        var name = $"{first} {last}".Trim();
        return new(id, name.Length > 0 ? name : email ?? "", email, phone, companyId, NameSimilarity.Person(first, last));
    }
}

/// <summary>What is known of a company for matching.</summary>
public sealed record CompanyFacts(Guid? Id, string Name, string? Domain)
{
    public string NormalizedName { get; } = NameSimilarity.Company(Name);
    public string? DomainKey { get; } = string.IsNullOrWhiteSpace(Domain) ? null : Domain.Trim().ToLowerInvariant().TrimEnd('.');
}
