using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;

namespace Rapport.Contacts.Companies;

public static class CompanyEndpoints
{
    public static RouteGroupBuilder MapCompanies(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/companies").WithTags("Companies");
        group.MapGet("/", List).WithName("ListCompanies").WithSummary("List companies")
            .WithDescription("Filter, sort, full-text search and keyset paging as described in docs/api.md.");
        group.MapGet("/{id:guid}", Get).WithName("GetCompany").WithSummary("Get one company");
        group.MapPost("/", Create).WithName("CreateCompany").WithSummary("Create a company").WithIdempotency();
        group.MapPatch("/{id:guid}", Patch).WithName("UpdateCompany").WithSummary("Update a company (JSON merge patch)")
            .Accepts<CompanyInput>("application/merge-patch+json");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteCompany").WithSummary("Delete a company");
        group.MapGet("/{id:guid}/history", GetHistory).WithName("GetCompanyHistory").WithSummary("Every change to a company, newest first");
        return group;
    }

    private static Task<Page<CompanyResponse>> List([AsParameters] ListParameters query, CompanyService companies,
        CancellationToken ct) => companies.ListAsync(query.ToRequest(), ct);

    private static async Task<Ok<CompanyResponse>> Get(Guid id, CompanyService companies, HttpResponse response, CancellationToken ct)
    {
        var company = await companies.GetAsync(id, ct);
        response.Headers.ETag = ETags.Of(company.Version);
        return TypedResults.Ok(CompanyResponse.From(company));
    }

    private static async Task<Created<CompanyResponse>> Create(CompanyInput input, CompanyService companies,
        HttpResponse response, CancellationToken ct)
    {
        var company = await companies.CreateAsync(input, ct);
        response.Headers.ETag = ETags.Of(company.Version);
        return TypedResults.Created($"/api/v1/companies/{company.Id}", CompanyResponse.From(company));
    }

    private static async Task<Ok<CompanyResponse>> Patch(Guid id, [FromBody] JsonNode? patch, CompanyService companies,
        MergePatchBody merge, HttpContext http, CancellationToken ct)
    {
        var company = await companies.UpdateAsync(id, IfMatch.ExpectedVersion(http.Request),
            current => merge.Apply(current, patch), ct);
        http.Response.Headers.ETag = ETags.Of(company.Version);
        return TypedResults.Ok(CompanyResponse.From(company));
    }

    private static async Task<NoContent> Delete(Guid id, CompanyService companies, HttpRequest request, CancellationToken ct)
    {
        var expected = IfMatch.ExpectedVersion(request);
        await companies.DeleteAsync(id, c =>
        {
            if (expected is { } v && v != c.Version)
                throw new PreconditionFailedException($"The company has changed since version {v} (now {c.Version}). Reload before deleting.");
        }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> GetHistory(Guid id, CompanyService companies, CancellationToken ct) =>
        TypedResults.Ok(await companies.HistoryAsync(id, ct));
}
