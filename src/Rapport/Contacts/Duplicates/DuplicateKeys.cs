using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Duplicates;

/// <summary>
/// Normalised match keys, kept by the database itself as generated columns with an index each, so a duplicate
/// check is an index lookup and every writer (EF saves, the bulk import, SQL by hand) keeps them right. They are
/// shadow properties: not part of the records' API and not in their history. The C# functions here compute
/// the same key for a value being checked; a test holds them to the SQL.
/// </summary>
public static class DuplicateKeys
{
    public const string ContactEmail = "EmailKey";
    public const string ContactPhone = "PhoneKey";
    public const string CompanyName = "NameKey";

    /// <summary>Phone keys compare the last digits only: "+49 30 1234567", "0049 30 1234567" and "030 1234567" agree.</summary>
    public const int PhoneDigits = 9;

    /// <summary>Shorter numbers (extensions, short codes) are too common to mean "same person".</summary>
    public const int MinPhoneDigits = 7;

    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static string? Phone(string? phone)
    {
        if (phone is null) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return null;
        return digits.Length > PhoneDigits ? digits[^PhoneDigits..] : digits;
    }

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();

    public static void Configure(ModelBuilder builder, DatabaseProvider provider)
    {
        // PostgreSQL only has stored generated columns; SQLite can add only virtual ones to an existing table
        // (and indexes them just as well).
        var stored = provider == DatabaseProvider.Postgres;
        var digits = Digits("\"PrimaryPhone\"");
        var lastDigits = provider == DatabaseProvider.Postgres ? $"right({digits}, {PhoneDigits})" : $"substr({digits}, -{PhoneDigits})";

        var contact = builder.Entity<Contact>();
        contact.Property<string?>(ContactEmail).HasMaxLength(254)
            .HasComputedColumnSql("lower(trim(\"PrimaryEmail\"))", stored);
        contact.Property<string?>(ContactPhone).HasMaxLength(50)
            .HasComputedColumnSql($"nullif({lastDigits}, '')", stored);
        contact.HasIndex(ContactEmail);
        contact.HasIndex(ContactPhone);

        var company = builder.Entity<Company>();
        company.Property<string?>(CompanyName).HasMaxLength(200)
            .HasComputedColumnSql("lower(trim(\"Name\"))", stored);
        company.HasIndex(CompanyName);
    }

    // Contact phones may hold only digits, spaces and + ( ) . / - (ContactInput), so removing those leaves digits.
    private static string Digits(string column) =>
        " -()./+".Aggregate(column, (sql, c) => $"replace({sql}, '{c}', '')");
}
