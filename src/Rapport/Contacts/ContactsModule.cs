using Rapport.Contacts.Companies;
using Rapport.Contacts.Demo;
using Rapport.Contacts.Duplicates;
using Rapport.Contacts.Import;
using Rapport.Contacts.Merge;
using Rapport.Contacts.People;
using Rapport.Platform.Api;
using Rapport.Platform.Search.Global;

namespace Rapport.Contacts;

/// <summary>Companies and contacts: the records every other module links to.</summary>
public static class ContactsModule
{
    public static IServiceCollection AddContacts(this IServiceCollection services) =>
        services.AddScoped<CompanyService>()
            .AddScoped<ContactService>()
            .AddScoped<ContactsOverview>()
            .AddScoped<ContactImporter>()
            .AddScoped<DemoSeeder>()
            .AddScoped<ContactDuplicates>()
            .AddScoped<CompanyDuplicates>()
            .AddScoped<DuplicateReview>()
            .AddScoped<MergeHistory>()
            .AddScoped<ContactMerge>()
            .AddScoped<CompanyMerge>()
            .AddSearchProvider<CompanySearch>()
            .AddSearchProvider<ContactSearch>();

    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder api)
    {
        api.MapRecords<CompanyService, Company, CompanyInput, CompanyResponse>(
            "/companies", "company", "Companies", CompanyResponse.From).WarnOfDuplicates();
        api.MapRecords<ContactService, Contact, ContactInput, ContactResponse>(
            "/contacts", "contact", "Contacts", ContactResponse.From).WarnOfDuplicates();
        return api.MapDuplicates();
    }
}
