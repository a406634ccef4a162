using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Contacts.Companies;
using Rapport.Contacts.Merge;
using Rapport.Contacts.People;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Idempotency;

namespace Rapport.Contacts.Duplicates;

public sealed record DuplicateMatches(IReadOnlyList<DuplicateMatch> Data);

/// <summary>Duplicate checks, the duplicates list and merging, for contacts and companies.</summary>
public static class DuplicateEndpoints
{
    /// <summary>Set on a 201 from creating a contact or company: ids of likely duplicates, best first.</summary>
    public const string Header = "Rapport-Possible-Duplicates";

    public static RouteGroupBuilder MapDuplicates(this RouteGroupBuilder api)
    {
        api.MapGet("/contacts/duplicates", CheckContact).WithTags("Contacts").WithName("FindContactDuplicates")
            .WithSummary("Likely duplicates of a contact about to be created");
        api.MapGet("/companies/duplicates", CheckCompany).WithTags("Companies").WithName("FindCompanyDuplicates")
            .WithSummary("Likely duplicates of a company about to be created");
        api.MapGet("/duplicates", List).WithTags("Duplicates").WithName("ListDuplicates")
            .WithSummary("Candidate duplicate pairs, best first");
        api.MapPost("/contacts/{id:guid}/merge", MergeContact).WithTags("Contacts").WithName("MergeContact")
            .WithSummary("Merge another contact into this one").WithIdempotency().Accepts<MergeRequest>("application/json");
        api.MapPost("/companies/{id:guid}/merge", MergeCompany).WithTags("Companies").WithName("MergeCompany")
            .WithSummary("Merge another company into this one").WithIdempotency().Accepts<MergeRequest>("application/json");
        return api;
    }

    /// <summary>Adds <see cref="Header"/> to the create responses of the contacts and companies groups.</summary>
    public static RouteGroupBuilder WarnOfDuplicates(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            var ct = http.RequestAborted;
            var found = result switch
            {
                Created<ContactResponse> c when c.Value is { } v =>
                    await http.RequestServices.GetRequiredService<ContactDuplicates>().ForExistingAsync(v.Id, ct),
                Created<CompanyResponse> c when c.Value is { } v =>
                    await http.RequestServices.GetRequiredService<CompanyDuplicates>().ForExistingAsync(v.Id, ct),
                _ => null,
            };
            if (found is { Count: > 0 }) http.Response.Headers[Header] = string.Join(", ", found.Select(m => m.Id));
            return result;
        });
        return group;
    }

    private static async Task<Ok<DuplicateMatches>> CheckContact(string? email, string? phone, string? firstName,
        string? lastName, Guid? companyId, ContactDuplicates duplicates, CancellationToken ct) =>
        TypedResults.Ok(new DuplicateMatches(await duplicates.ForAsync(
            ContactFacts.Of(null, firstName, lastName, email, phone, companyId), ct)));

    private static async Task<Ok<DuplicateMatches>> CheckCompany(string? name, string? domain, CompanyDuplicates duplicates,
        CancellationToken ct) =>
        TypedResults.Ok(new DuplicateMatches(await duplicates.ForAsync(new CompanyFacts(null, name ?? "", domain), ct)));

    private static async Task<Ok<DuplicatePairPage>> List(string? type, int? offset, int? limit, DuplicateReview review,
        CancellationToken ct) =>
        TypedResults.Ok(await review.PageAsync(type, offset ?? 0, limit ?? 50, ct));

    private static async Task<Ok<ContactResponse>> MergeContact(Guid id, HttpContext http, ContactMerge merge, CancellationToken ct)
    {
        var request = await JsonBody.ReadAsync<MergeRequest>(http.Request, ct);
        var outcome = await merge.MergeAsync(id, request, IfMatch.ExpectedVersion(http.Request), ct);
        http.Response.Headers.ETag = ETags.Of(outcome.Survivor.Version);
        return TypedResults.Ok(ContactResponse.From(outcome.Survivor));
    }

    private static async Task<Ok<CompanyResponse>> MergeCompany(Guid id, HttpContext http, CompanyMerge merge, CancellationToken ct)
    {
        var request = await JsonBody.ReadAsync<MergeRequest>(http.Request, ct);
        var outcome = await merge.MergeAsync(id, request, IfMatch.ExpectedVersion(http.Request), ct);
        http.Response.Headers.ETag = ETags.Of(outcome.Survivor.Version);
        return TypedResults.Ok(CompanyResponse.From(outcome.Survivor));
    }
}
