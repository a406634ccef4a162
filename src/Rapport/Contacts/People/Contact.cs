using Rapport.Contacts.Companies;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;

namespace Rapport.Contacts.People;

public enum LifecycleStage
{
    Subscriber,
    Lead,
    Mql,
    Sql,
    Opportunity,
    Customer,
    Evangelist,
    Other,
}

public sealed record ContactEmail(string Address, string? Label, bool Primary);

public sealed record ContactPhone(string Number, string? Label, bool Primary);

public sealed class Contact : Entity, IOwned, IHasCustomFields
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public List<ContactEmail> Emails { get; set; } = [];
    public List<ContactPhone> Phones { get; set; } = [];

    /// <summary>Kept equal to the primary of <see cref="Emails"/> so it can be indexed, searched and sorted.</summary>
    public string? PrimaryEmail { get; set; }

    public string? PrimaryPhone { get; set; }
    public string? JobTitle { get; set; }
    public Guid? CompanyId { get; set; }
    public Company? Company { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public LifecycleStage LifecycleStage { get; set; } = LifecycleStage.Lead;
    public string? Source { get; set; }
    public Guid? OwnerId { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? Notes { get; set; }
    public string? CustomFields { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    public void SetEmails(List<ContactEmail> emails)
    {
        Emails = emails;
        PrimaryEmail = (emails.FirstOrDefault(e => e.Primary) ?? emails.FirstOrDefault())?.Address;
    }

    public void SetPhones(List<ContactPhone> phones)
    {
        Phones = phones;
        PrimaryPhone = (phones.FirstOrDefault(p => p.Primary) ?? phones.FirstOrDefault())?.Number;
    }
}
