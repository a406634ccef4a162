using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Shared;
using Rapport.Platform.Api;

namespace Rapport.Contacts.People;

public sealed record VCardImportError(int Card, string Message);

public sealed record VCardImportResponse(IReadOnlyList<ContactResponse> Created, IReadOnlyList<VCardImportError> Errors);

/// <summary>
/// Creates contacts from vCards, each through <see cref="ContactService"/> (validation, permissions, history). ORG
/// names a company the caller can see, matched ignoring case; an unknown one leaves the contact without company.
/// </summary>
public sealed class ContactVCardImport(ContactService contacts, CompanyService companies)
{
    public const int MaxCards = 1_000;

    public async Task<VCardImportResponse> ImportAsync(string text, CancellationToken ct)
    {
        var cards = VCardReader.Read(text);
        if (cards.Count == 0) throw RequestValidationException.For("body", "The body holds no BEGIN:VCARD … END:VCARD.");
        if (cards.Count > MaxCards) throw RequestValidationException.For("body", $"At most {MaxCards} vCards at once.");
        var created = new List<ContactResponse>();
        var errors = new List<VCardImportError>();
        for (var i = 0; i < cards.Count; i++)
        {
            try
            {
                var contact = await contacts.CreateAsync(await ToInputAsync(cards[i], ct), ct);
                created.Add(ContactResponse.From(await contacts.GetAsync(contact.Id, ct)));
            }
            catch (RequestValidationException invalid)
            {
                errors.Add(new(i + 1, string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
            }
        }
        return new VCardImportResponse(created, errors);
    }

    private async Task<ContactInput> ToInputAsync(List<VCardProperty> card, CancellationToken ct)
    {
        string? One(string name) => card.FirstOrDefault(p => p.Name == name) is { } p ? VCardReader.Unescape(p.Value) : null;
        var n = card.FirstOrDefault(p => p.Name == "N")?.Components ?? [];
        string? first = n.Count > 1 ? n[1] : null, last = n.Count > 0 ? n[0] : null;
        if (string.IsNullOrEmpty(first) && string.IsNullOrEmpty(last) && One("FN") is { Length: > 0 } full)
        {
            var space = full.LastIndexOf(' ');
            (first, last) = space < 0 ? (null, full) : (full[..space], full[(space + 1)..]);
        }
        var emails = Ordered(card, "EMAIL").Select((p, i) => new EmailInput { Address = VCardReader.Unescape(p.Value), Primary = i == 0 })
            .DistinctBy(e => e.Address!.ToLowerInvariant()).ToList();
        var phones = Ordered(card, "TEL").Select((p, i) => new PhoneInput { Number = PhoneText(p.Value), Primary = i == 0 }).ToList();
        var adr = card.FirstOrDefault(p => p.Name == "ADR")?.Components ?? [];
        string? Part(int index) => adr.Count > index && adr[index].Length > 0 ? adr[index] : null;
        Guid? companyId = null;
        if (card.FirstOrDefault(p => p.Name == "ORG")?.Components is [{ Length: > 0 } org, ..])
        {
            var key = org.ToLowerInvariant();
            // EF translates ToLower to SQL lower() on both providers; string.Equals with a comparison is not translated.
#pragma warning disable CA1862
            companyId = await companies.Readable().Where(c => c.Name.ToLower() == key).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
#pragma warning restore CA1862
        }
        var categories = card.Where(p => p.Name == "CATEGORIES").SelectMany(p => VCardReader.Split(p.Value, ',')).Select(VCardReader.Unescape)
            .Where(t => t.Length > 0).ToList();
        return new ContactInput
        {
            FirstName = first,
            LastName = last,
            Emails = emails,
            Phones = phones,
            JobTitle = One("TITLE"),
            CompanyId = companyId,
            Address = new PostalAddress { Street = Part(2), City = Part(3), Region = Part(4), PostalCode = Part(5), Country = Part(6) },
            Tags = categories,
            Notes = One("NOTE"),
            Source = "vCard",
        };
    }

    /// <summary>Preferred first (PREF parameter, or TYPE=pref in vCard 3.0), then in the card's order.</summary>
    private static IEnumerable<VCardProperty> Ordered(List<VCardProperty> card, string name) =>
        card.Where(p => p.Name == name && p.Value.Length > 0).OrderByDescending(p => p.IsPreferred);

    /// <summary>tel: URIs (vCard 4.0) become the number; the API's phone pattern then checks what is left.</summary>
    private static string PhoneText(string value)
    {
        var text = VCardReader.Unescape(value);
        return text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? text[4..].Split(';')[0] : text;
    }
}
