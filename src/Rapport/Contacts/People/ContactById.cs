using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Contacts.Companies;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;

namespace Rapport.Contacts.People;

/// <summary>
/// GET /contacts/{id}, the API's most frequent read, as one compiled query projected to the columns the response
/// shows. Through <see cref="ContactService.GetAsync"/> the same read built its LINQ tree, compiled it from the cache
/// and materialised the whole company (tags, custom fields) on every request: more than twice the CPU
/// (bench/notes.md item 20). A new contact column must be added below as well; ContactByIdTests compares this read
/// with the entity's response field by field.
/// </summary>
internal static class ContactById
{
    private static readonly Expression<Func<RapportDb, Guid, bool, Guid?, CancellationToken, Contact?>> Query =
        (db, id, all, owner, ct) =>
            db.Contacts
                .Where(c => c.Id == id && (all || c.OwnerId == owner))
                .Select(c => new Contact
                {
                    Id = c.Id,
                    FirstName = c.FirstName,
                    LastName = c.LastName,
                    Emails = c.Emails,
                    Phones = c.Phones,
                    PrimaryEmail = c.PrimaryEmail,
                    PrimaryPhone = c.PrimaryPhone,
                    JobTitle = c.JobTitle,
                    CompanyId = c.CompanyId,
                    // The response names the company; its id and name are all that is read of it.
                    Company = c.CompanyId == null ? null : new Company { Id = c.Company!.Id, Name = c.Company.Name },
                    Street = c.Street,
                    City = c.City,
                    Region = c.Region,
                    PostalCode = c.PostalCode,
                    Country = c.Country,
                    LifecycleStage = c.LifecycleStage,
                    Source = c.Source,
                    OwnerId = c.OwnerId,
                    Tags = c.Tags,
                    Notes = c.Notes,
                    CustomFields = c.CustomFields,
                    Version = c.Version,
                    CreatedAt = c.CreatedAt,
                    CreatedById = c.CreatedById,
                    UpdatedAt = c.UpdatedAt,
                    UpdatedById = c.UpdatedById,
                })
                .SingleOrDefault();

    // A compiled query serves one model. A process has one (its provider's), but the test suite runs many apps.
    private static readonly ConditionalWeakTable<IModel, Func<RapportDb, Guid, bool, Guid?, CancellationToken, Task<Contact?>>> Compiled = [];

    /// <summary>The contact with its company's id and name, or null when it does not exist or the caller may not read it.</summary>
    public static async Task<Contact?> ReadAsync(RapportDb db, RecordAccess access, Guid id, CancellationToken ct) =>
        access.ReadScope() is { } scope
            ? await Compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(Query))(db, id, scope.All, scope.Owner, ct)
            : null;
}
