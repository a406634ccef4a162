using System.Linq.Expressions;
using Rapport.Contacts.Companies;

namespace Rapport.Contacts.People;

/// <summary>
/// A contact as the API's response reads it: every column of the contact, and of its company only the id and name.
/// Loading the whole company (its tags, custom fields and every other column) for each contact doubled the cost of
/// a list page (bench/notes.md items 2 and 20). Used by GET by id (<see cref="ContactById"/>) and the list; a new
/// contact column must be added here too, and ContactByIdTests fails until it is.
/// </summary>
internal static class ContactProjection
{
    public static readonly Expression<Func<Contact, Contact>> Response =
        c => new Contact
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
        };
}
