using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Demo;
using Rapport.Contacts.Duplicates;
using Rapport.Contacts.Import;
using Rapport.Contacts.Overview;
using Rapport.Contacts.Merge;
using Rapport.Contacts.People;
using Rapport.Platform.Api;
using Rapport.Platform.Export;
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
            .AddScoped<ImportStarter>()
            .AddScoped<ContactImportWarnings>()
            .AddScoped<CompanyImportWarnings>()
            .AddScoped<ImportOwners>()
            .AddScoped<ImportLeases>()
            .AddScoped<RecordOverview>()
            .AddScoped<ContactVCardImport>()
            .AddSingleton<ImportFiles>()
            .AddSingleton<PendingImports>()
            .AddSingleton<ImportRunner>()
            .AddHostedService<ImportWorker>()
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
            "/companies", "company", "Companies", CompanyResponse.From).WarnOfDuplicates()
            .MapExports("/export", "Companies", CompanyExport.Definition);
        api.MapRecords<ContactService, Contact, ContactInput, ContactResponse>(
            "/contacts", "contact", "Contacts", ContactResponse.From).WarnOfDuplicates()
            .MapExports("/export", "Contacts", ContactExport.Definition)
            .MapGet("/{id:guid}/vcard", ContactVCardAsync).WithName("GetContactVCard").WithSummary("A contact as a vCard 4.0 (.vcf)")
            .Produces(StatusCodes.Status200OK, contentType: "text/vcard");
        api.MapPost("/contacts/vcard", ImportVCardsAsync).WithTags("Contacts").WithName("ImportContactVCards")
            .WithSummary("Create contacts from vCards (3.0 or 4.0)").Accepts<string>("text/vcard");
        api.MapImports();
        api.MapRecordOverviews();
        return api.MapDuplicates();
    }

    private static async Task<FileContentHttpResult> ContactVCardAsync(Guid id, ContactService contacts, CancellationToken ct)
    {
        var contact = await contacts.GetAsync(id, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ContactVCard.Write(contact)), ContactVCard.ContentType,
            $"contact-{contact.Id:N}.vcf");
    }

    private static async Task<Ok<VCardImportResponse>> ImportVCardsAsync(HttpRequest request, ContactVCardImport vcards, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        return TypedResults.Ok(await vcards.ImportAsync(await reader.ReadToEndAsync(ct), ct));
    }

    /// <summary>
    /// The list pages' export downloads: the same files as the API's, authenticated by the sign-in cookie
    /// (the API accepts API keys only), outside /api and its 1 MB body limit.
    /// </summary>
    public static IEndpointRouteBuilder MapContactExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/export").RequireAuthorization().ExcludeFromDescription();
        exports.MapExports("/companies", "CompaniesUi", CompanyExport.Definition);
        exports.MapExports("/contacts", "ContactsUi", ContactExport.Definition);
        app.MapImportErrorDownload();
        return app;
    }
}
