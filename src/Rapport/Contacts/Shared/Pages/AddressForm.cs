namespace Rapport.Contacts.Shared.Pages;

/// <summary>The editable form of a <see cref="PostalAddress"/>.</summary>
public sealed class AddressForm
{
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }

    public static AddressForm From(PostalAddress address) => new()
    {
        Street = address.Street,
        City = address.City,
        Region = address.Region,
        PostalCode = address.PostalCode,
        Country = address.Country,
    };

    public PostalAddress ToInput() => new()
    {
        Street = Street,
        City = City,
        Region = Region,
        PostalCode = PostalCode,
        Country = Country,
    };

    public static string Format(PostalAddress address) =>
        string.Join(", ", new[] { address.Street, JoinNonEmpty(" ", address.PostalCode, address.City), address.Region, address.Country }
            .Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string JoinNonEmpty(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
