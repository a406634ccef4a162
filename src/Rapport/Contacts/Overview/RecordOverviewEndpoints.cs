using Microsoft.AspNetCore.Http.HttpResults;

namespace Rapport.Contacts.Overview;

public static class RecordOverviewEndpoints
{
    public static RouteGroupBuilder MapRecordOverviews(this RouteGroupBuilder api)
    {
        api.MapGet("/contacts/{id:guid}/overview", async Task<Ok<ContactOverviewResponse>> (Guid id, RecordOverview overview, CancellationToken ct) =>
                TypedResults.Ok(await overview.ForContactAsync(id, ct)))
            .WithTags("Contacts").WithName("GetContactOverview")
            .WithSummary("A contact's 360° view: company, owner, newest timeline entries and every module's panel");
        api.MapGet("/companies/{id:guid}/overview", async Task<Ok<CompanyOverviewResponse>> (Guid id, RecordOverview overview, CancellationToken ct) =>
                TypedResults.Ok(await overview.ForCompanyAsync(id, ct)))
            .WithTags("Companies").WithName("GetCompanyOverview")
            .WithSummary("A company's 360° view: owner, contacts, timeline rolled up from its contacts, and every module's panel");
        return api;
    }
}
