using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Rapport.Contacts.Shared;

/// <summary>A postal address as the API shows and accepts it; stored as plain columns on the record.</summary>
public sealed record PostalAddress
{
    [MaxLength(200)] public string? Street { get; init; }
    [MaxLength(100)] public string? City { get; init; }
    [MaxLength(100)] public string? Region { get; init; }
    [MaxLength(20)] public string? PostalCode { get; init; }
    [MaxLength(100)] public string? Country { get; init; }

    /// <summary>A convenience for pages; not part of the API document (a client could not set it anyway).</summary>
    [JsonIgnore]
    public bool IsEmpty => Street is null && City is null && Region is null && PostalCode is null && Country is null;
}
