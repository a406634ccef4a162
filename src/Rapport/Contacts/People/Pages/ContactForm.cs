using Rapport.Contacts.Shared;
using Rapport.Contacts.Shared.Pages;

namespace Rapport.Contacts.People.Pages;

/// <summary>One email address or phone number row of the contact form.</summary>
public sealed class ChannelRow
{
    public string? Value { get; set; }
    public string? Label { get; set; }
    public bool Primary { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Label);
}

/// <summary>The editable form of a contact; converts to the same <see cref="ContactInput"/> the API takes.</summary>
public sealed class ContactForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public List<ChannelRow> Emails { get; set; } = [];
    public List<ChannelRow> Phones { get; set; } = [];
    public string? JobTitle { get; set; }
    public CompanyRef? Company { get; set; }
    public AddressForm Address { get; set; } = new();
    public LifecycleStage LifecycleStage { get; set; } = LifecycleStage.Lead;
    public string? Source { get; set; }
    public Guid? OwnerId { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>Set by the editor once the field definitions are loaded.</summary>
    public Rapport.Platform.CustomFields.Pages.CustomFieldForm CustomFields { get; set; } = Rapport.Platform.CustomFields.Pages.CustomFieldForm.Empty;
    public string? Notes { get; set; }

    public static ContactForm From(Contact contact)
    {
        var input = ContactResponse.ToInput(contact);
        return new ContactForm
        {
            FirstName = input.FirstName,
            LastName = input.LastName,
            Emails = (input.Emails ?? []).Select(e => new ChannelRow { Value = e.Address, Label = e.Label, Primary = e.Primary }).ToList(),
            Phones = (input.Phones ?? []).Select(p => new ChannelRow { Value = p.Number, Label = p.Label, Primary = p.Primary }).ToList(),
            JobTitle = input.JobTitle,
            Company = contact.Company is { } company ? new CompanyRef(company.Id, company.Name) : null,
            Address = AddressForm.From(input.Address ?? new PostalAddress()),
            LifecycleStage = input.LifecycleStage ?? LifecycleStage.Lead,
            Source = input.Source,
            OwnerId = input.OwnerId,
            Tags = [.. input.Tags ?? []],
            Notes = input.Notes,
        };
    }

    /// <summary>
    /// Rows left blank are dropped from the form itself before saving, so the row numbers in the service's
    /// error keys (<c>emails[1].address</c>) are the rows the person sees.
    /// </summary>
    public ContactInput ToInput()
    {
        Emails.RemoveAll(e => e.IsBlank);
        Phones.RemoveAll(p => p.IsBlank);
        return new ContactInput
        {
            FirstName = FirstName,
            LastName = LastName,
            Emails = Emails.Select(e => new EmailInput { Address = e.Value?.Trim(), Label = e.Label, Primary = e.Primary }).ToList(),
            Phones = Phones.Select(p => new PhoneInput { Number = p.Value?.Trim(), Label = p.Label, Primary = p.Primary }).ToList(),
            JobTitle = JobTitle,
            CompanyId = Company?.Id,
            Address = Address.ToInput(),
            LifecycleStage = LifecycleStage,
            Source = Source,
            OwnerId = OwnerId,
            Tags = Tags,
            CustomFields = CustomFields.ToInput(),
            Notes = Notes,
        };
    }

    /// <summary>Makes <paramref name="row"/> the only primary one of its list.</summary>
    public static void MakePrimary(List<ChannelRow> rows, ChannelRow row)
    {
        foreach (var r in rows) r.Primary = ReferenceEquals(r, row);
    }

    /// <summary>A new row; the first one of a list is primary.</summary>
    public static void AddRow(List<ChannelRow> rows) => rows.Add(new ChannelRow { Primary = rows.Count == 0 });

    public static void RemoveRow(List<ChannelRow> rows, ChannelRow row)
    {
        rows.Remove(row);
        if (row.Primary && rows.Count > 0) rows[0].Primary = true;
    }

    public static string StageLabel(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Mql => "MQL",
        LifecycleStage.Sql => "SQL",
        _ => stage.ToString(),
    };
}
