using System.ComponentModel.DataAnnotations;

namespace Rapport.Contacts.Shared;

/// <summary>An amount with its ISO 4217 currency code.</summary>
public sealed record Money
{
    /// <summary>Up to 10 trillion with two decimals: what both databases store exactly.</summary>
    [Range(typeof(decimal), "0", "10000000000000", ErrorMessage = "amount must be between 0 and 10,000,000,000,000.")]
    public decimal Amount { get; init; }

    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be a three-letter ISO 4217 code such as EUR.")]
    public string Currency { get; init; } = "";
}
