using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Rapport.Contacts.Shared;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Companies;

/// <summary>What a client sends to create a company, and the shape a merge patch is applied to.</summary>
public sealed record CompanyInput
{
    [Required(AllowEmptyStrings = false), MaxLength(200)] public string? Name { get; init; }
    [MaxLength(253), RegularExpression(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$",
        ErrorMessage = "domain must be a host name such as example.com.")]
    public string? Domain { get; init; }
    [MaxLength(100)] public string? Industry { get; init; }
    [Range(0, 10_000_000)] public int? EmployeeCount { get; init; }
    public Money? AnnualRevenue { get; init; }
    public PostalAddress? Address { get; init; }
    [MaxLength(50), RegularExpression(@"^[0-9+()./ -]{3,50}$", ErrorMessage = "phone may hold digits, spaces and + ( ) . / - only.")]
    public string? Phone { get; init; }
    public Guid? OwnerId { get; init; }
    public List<string>? Tags { get; init; }

    /// <summary>Custom field values by field name (GET /api/v1/custom-fields?object=company); null removes one in a patch.</summary>
    public Dictionary<string, JsonElement>? CustomFields { get; init; }
}

public sealed record CompanyResponse(
    Guid Id,
    string Name,
    string? Domain,
    string? Industry,
    int? EmployeeCount,
    Money? AnnualRevenue,
    PostalAddress Address,
    string? Phone,
    Guid? OwnerId,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, JsonElement> CustomFields,
    int Version,
    DateTime CreatedAt,
    Guid? CreatedById,
    DateTime UpdatedAt,
    Guid? UpdatedById)
{
    public static CompanyResponse From(Company c) => new(
        c.Id, c.Name, c.Domain, c.Industry, c.EmployeeCount,
        c.AnnualRevenue is { } amount ? new Money { Amount = Decimals.Shortest(amount), Currency = c.AnnualRevenueCurrency ?? "" } : null,
        new PostalAddress { Street = c.Street, City = c.City, Region = c.Region, PostalCode = c.PostalCode, Country = c.Country },
        c.Phone, c.OwnerId, c.Tags, CustomFieldJson.ReadOnly(c.CustomFields), c.Version, c.CreatedAt, c.CreatedById, c.UpdatedAt, c.UpdatedById);

    /// <summary>The writable part of a company, the document a merge patch applies to.</summary>
    public static CompanyInput ToInput(Company c) => new()
    {
        Name = c.Name,
        Domain = c.Domain,
        Industry = c.Industry,
        EmployeeCount = c.EmployeeCount,
        AnnualRevenue = c.AnnualRevenue is { } amount ? new Money { Amount = Decimals.Shortest(amount), Currency = c.AnnualRevenueCurrency ?? "" } : null,
        Address = new PostalAddress { Street = c.Street, City = c.City, Region = c.Region, PostalCode = c.PostalCode, Country = c.Country },
        Phone = c.Phone,
        OwnerId = c.OwnerId,
        Tags = c.Tags,
        CustomFields = CustomFieldJson.Read(c.CustomFields),
    };
}
