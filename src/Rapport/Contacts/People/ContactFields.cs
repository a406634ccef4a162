using Rapport.Platform.Api.Listing;

namespace Rapport.Contacts.People;

/// <summary>What contact lists may be filtered and sorted by (docs/api.md lists the same).</summary>
public static class ContactFields
{
    public const string DefaultSort = "lastName,firstName";

    public static readonly ResourceFields<Contact> All = new ResourceFields<Contact>()
        .Add("id", c => c.Id, sortable: false)
        .Add("firstName", c => c.FirstName)
        .Add("lastName", c => c.LastName)
        .Add("email", c => c.PrimaryEmail)
        .Add("phone", c => c.PrimaryPhone, sortable: false)
        .Add("jobTitle", c => c.JobTitle)
        .Add("companyId", c => c.CompanyId, sortable: false)
        .Add("city", c => c.City)
        .Add("country", c => c.Country)
        .Add("lifecycleStage", c => c.LifecycleStage, sortable: false)
        .Add("source", c => c.Source)
        .Add("ownerId", c => c.OwnerId, sortable: false)
        .Add("tags", c => c.Tags, sortable: false)
        .Add("createdAt", c => c.CreatedAt)
        .Add("updatedAt", c => c.UpdatedAt)
        .Add("createdById", c => c.CreatedById, sortable: false);
}
