using Rapport.Activities.Calendar;

namespace Rapport.Contacts.People;

/// <summary>
/// A contact as a vCard 4.0 (RFC 6350). vCard shares iCalendar's content-line rules (CRLF, folding at 75 octets,
/// \\ \; \, \n escapes), so the calendar's <see cref="IcsWriter"/> writes the lines.
/// </summary>
public static class ContactVCard
{
    public const string ContentType = "text/vcard; charset=utf-8";

    public static string Write(Contact contact)
    {
        var card = new IcsWriter()
            .Line("BEGIN", "VCARD")
            .Line("VERSION", "4.0")
            .Line("UID", $"urn:uuid:{contact.Id}")
            .Line("FN", IcsWriter.EscapeText(contact.FullName is { Length: > 0 } name ? name : contact.PrimaryEmail ?? ""))
            .Line("N", string.Join(';', IcsWriter.EscapeText(contact.LastName), IcsWriter.EscapeText(contact.FirstName), "", "", ""));
        foreach (var email in contact.Emails)
            card.Line(email.Primary ? "EMAIL;PREF=1" : "EMAIL", IcsWriter.EscapeText(email.Address));
        foreach (var phone in contact.Phones)
            card.Line(phone.Primary ? "TEL;VALUE=text;PREF=1" : "TEL;VALUE=text", IcsWriter.EscapeText(phone.Number));
        card.Text("TITLE", contact.JobTitle).Text("ORG", contact.Company?.Name);
        if (contact.Street is not null || contact.City is not null || contact.Region is not null || contact.PostalCode is not null || contact.Country is not null)
        {
            string[] parts = ["", "", contact.Street ?? "", contact.City ?? "", contact.Region ?? "", contact.PostalCode ?? "", contact.Country ?? ""];
            card.Line("ADR", string.Join(';', parts.Select(IcsWriter.EscapeText)));
        }
        if (contact.Tags.Count > 0) card.Line("CATEGORIES", string.Join(',', contact.Tags.Select(IcsWriter.EscapeText)));
        return card.Text("NOTE", contact.Notes)
            .Time("REV", contact.UpdatedAt)
            .Line("END", "VCARD")
            .ToString();
    }
}
