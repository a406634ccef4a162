using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Rapport.Contacts.Shared;
using Rapport.Platform.CustomFields;

namespace Rapport.Contacts.People;

public sealed record EmailInput
{
    [Required, MaxLength(254), EmailAddress] public string? Address { get; init; }
    [MaxLength(30)] public string? Label { get; init; }
    public bool Primary { get; init; }
}

public sealed record PhoneInput
{
    [Required, MaxLength(50), RegularExpression(@"^[0-9+()./ -]{3,50}$", ErrorMessage = "number may hold digits, spaces and + ( ) . / - only.")]
    public string? Number { get; init; }
    [MaxLength(30)] public string? Label { get; init; }
    public bool Primary { get; init; }
}

/// <summary>What a client sends to create a contact, and the shape a merge patch is applied to.</summary>
public sealed record ContactInput
{
    [MaxLength(100)] public string? FirstName { get; init; }
    [MaxLength(100)] public string? LastName { get; init; }
    [MaxLength(20)] public List<EmailInput>? Emails { get; init; }
    [MaxLength(20)] public List<PhoneInput>? Phones { get; init; }
    [MaxLength(150)] public string? JobTitle { get; init; }
    public Guid? CompanyId { get; init; }
    public PostalAddress? Address { get; init; }
    public LifecycleStage? LifecycleStage { get; init; }
    [MaxLength(100)] public string? Source { get; init; }
    public Guid? OwnerId { get; init; }
    public List<string>? Tags { get; init; }
    [MaxLength(10_000)] public string? Notes { get; init; }

    /// <summary>Custom field values by field name (GET /api/v1/custom-fields?object=contact); null removes one in a patch.</summary>
    public Dictionary<string, JsonElement>? CustomFields { get; init; }
}

public sealed record CompanyRef(Guid Id, string Name);

public sealed record ContactResponse(
    Guid Id,
    string FirstName,
    string LastName,
    string FullName,
    IReadOnlyList<ContactEmail> Emails,
    IReadOnlyList<ContactPhone> Phones,
    string? PrimaryEmail,
    string? PrimaryPhone,
    string? JobTitle,
    CompanyRef? Company,
    PostalAddress Address,
    LifecycleStage LifecycleStage,
    string? Source,
    Guid? OwnerId,
    IReadOnlyList<string> Tags,
    string? Notes,
    IReadOnlyDictionary<string, JsonElement> CustomFields,
    int Version,
    DateTime CreatedAt,
    Guid? CreatedById,
    DateTime UpdatedAt,
    Guid? UpdatedById)
{
    public static ContactResponse From(Contact c) => new(
        c.Id, c.FirstName, c.LastName, c.FullName, c.Emails, c.Phones, c.PrimaryEmail, c.PrimaryPhone, c.JobTitle,
        c.Company is { } company ? new CompanyRef(company.Id, company.Name) : null,
        new PostalAddress { Street = c.Street, City = c.City, Region = c.Region, PostalCode = c.PostalCode, Country = c.Country },
        c.LifecycleStage, c.Source, c.OwnerId, c.Tags, c.Notes, CustomFieldJson.ReadOnly(c.CustomFields), c.Version, c.CreatedAt, c.CreatedById, c.UpdatedAt, c.UpdatedById);

    public static ContactInput ToInput(Contact c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        Emails = c.Emails.Select(e => new EmailInput { Address = e.Address, Label = e.Label, Primary = e.Primary }).ToList(),
        Phones = c.Phones.Select(p => new PhoneInput { Number = p.Number, Label = p.Label, Primary = p.Primary }).ToList(),
        JobTitle = c.JobTitle,
        CompanyId = c.CompanyId,
        Address = new PostalAddress { Street = c.Street, City = c.City, Region = c.Region, PostalCode = c.PostalCode, Country = c.Country },
        LifecycleStage = c.LifecycleStage,
        Source = c.Source,
        OwnerId = c.OwnerId,
        Tags = c.Tags,
        Notes = c.Notes,
        CustomFields = CustomFieldJson.Read(c.CustomFields),
    };
}
