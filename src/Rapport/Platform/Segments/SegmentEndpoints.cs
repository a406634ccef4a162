using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Api.Listing;

namespace Rapport.Platform.Segments;

public static class SegmentEndpoints
{
    public static IServiceCollection AddSegments(this IServiceCollection services) => services.AddScoped<SegmentService>();

    public static RouteGroupBuilder MapSegments(this RouteGroupBuilder api)
    {
        var segments = api.MapGroup("/segments").WithTags("Segments");
        segments.MapGet("/", List).WithName("ListSegments").WithSummary("The segments the caller can see, with member counts");
        segments.MapGet("/{id:guid}", Get).WithName("GetSegment").WithSummary("One segment with its member count");
        segments.MapPost("/", Create).WithName("CreateSegment").WithSummary("Save a dynamic filter or start a static list")
            .WithIdempotency().Accepts<SegmentInput>("application/json");
        segments.MapPatch("/{id:guid}", Patch).WithName("UpdateSegment").WithSummary("Update a segment (JSON merge patch)")
            .Accepts<SegmentInput>("application/merge-patch+json", "application/json");
        segments.MapDelete("/{id:guid}", Delete).WithName("DeleteSegment").WithSummary("Delete a segment (its records stay)");
        segments.MapGet("/{id:guid}/members", Members).WithName("ListSegmentMembers")
            .WithSummary("The segment's members the caller can read, paged like the record type's list");
        segments.MapPost("/{id:guid}/members", AddMembers).WithName("AddSegmentMembers")
            .WithSummary("Add records to a static segment").Accepts<SegmentMembersRequest>("application/json");
        segments.MapDelete("/{id:guid}/members", RemoveMembers).WithName("RemoveSegmentMembers")
            .WithSummary("Remove records from a static segment (ids in a JSON body)").Accepts<SegmentMembersRequest>("application/json");
        segments.MapDelete("/{id:guid}/members/{recordId:guid}", RemoveMember).WithName("RemoveSegmentMember")
            .WithSummary("Remove one record from a static segment");
        segments.MapMembersExport("SegmentMembersCsv");
        return api;
    }

    /// <summary>The segment page's download: the same file under /export, authenticated by the sign-in cookie.</summary>
    public static IEndpointRouteBuilder MapSegmentExports(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/export/segments").RequireAuthorization().ExcludeFromDescription().MapMembersExport("SegmentMembersCsvUi");
        return app;
    }

    private static void MapMembersExport(this IEndpointRouteBuilder group, string name) =>
        group.MapGet("/{id:guid}/members/export.csv", ExportCsv).WithName(name)
            .WithSummary("The members the caller can read as CSV (the record type's export columns)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

    private static Task<SegmentList> List(
        [FromQuery(Name = "objectType"), Description("Only segments of this record type (contacts, companies).")] string? objectType,
        SegmentService segments, CancellationToken ct) => segments.ListAsync(objectType, ct);

    private static async Task<Ok<SegmentResponse>> Get(Guid id, SegmentService segments, HttpContext http, CancellationToken ct)
    {
        var segment = await segments.GetAsync(id, ct);
        http.Response.Headers.ETag = ETags.Of(segment.Version);
        return TypedResults.Ok(await segments.ResponseAsync(segment, ct));
    }

    private static async Task<Created<SegmentResponse>> Create(HttpContext http, SegmentService segments, CancellationToken ct)
    {
        var segment = await segments.CreateAsync(await JsonBody.ReadAsync<SegmentInput>(http.Request, ct), ct);
        http.Response.Headers.ETag = ETags.Of(segment.Version);
        return TypedResults.Created($"/api/v1/segments/{segment.Id}", await segments.ResponseAsync(segment, ct));
    }

    private static async Task<Ok<SegmentResponse>> Patch(Guid id, [FromServices] MergePatchBody merge, SegmentService segments,
        HttpContext http, CancellationToken ct)
    {
        var patch = await JsonBody.ReadAsync<JsonElement>(http.Request, ct);
        var segment = await segments.UpdateAsync(id, IfMatch.ExpectedVersion(http.Request), current => merge.Apply(current, patch), ct);
        http.Response.Headers.ETag = ETags.Of(segment.Version);
        return TypedResults.Ok(await segments.ResponseAsync(segment, ct));
    }

    private static async Task<NoContent> Delete(Guid id, SegmentService segments, HttpContext http, CancellationToken ct)
    {
        await segments.DeleteAsync(id, IfMatch.ExpectedVersion(http.Request), ct);
        return TypedResults.NoContent();
    }

    private static Task<Page<object>> Members(Guid id,
        [FromQuery(Name = "sort"), Description("As the record type's list, e.g. -createdAt.")] string? sort,
        [FromQuery(Name = "limit"), Description("Page size, 1 to 200 (default 50).")] int? limit,
        [FromQuery(Name = "cursor"), Description("The nextCursor of the previous page.")] string? cursor,
        SegmentService segments, CancellationToken ct) =>
        segments.MembersAsync(id, new ListRequest(null, sort, null, limit, cursor), ct);

    private static async Task<Ok<SegmentMembersResponse>> AddMembers(Guid id, HttpContext http, SegmentService segments, CancellationToken ct) =>
        TypedResults.Ok(await segments.AddMembersAsync(id, await JsonBody.ReadAsync<SegmentMembersRequest>(http.Request, ct), ct));

    private static async Task<Ok<SegmentMembersResponse>> RemoveMembers(Guid id, HttpContext http, SegmentService segments, CancellationToken ct) =>
        TypedResults.Ok(await segments.RemoveMembersAsync(id, await JsonBody.ReadAsync<SegmentMembersRequest>(http.Request, ct), ct));

    private static async Task<Ok<SegmentMembersResponse>> RemoveMember(Guid id, Guid recordId, SegmentService segments, CancellationToken ct) =>
        TypedResults.Ok(await segments.RemoveMembersAsync(id, new SegmentMembersRequest { Ids = [recordId] }, ct));

    private static async Task<EmptyHttpResult> ExportCsv(Guid id,
        [FromQuery(Name = "sort"), Description("As the record type's list.")] string? sort,
        SegmentService segments, HttpContext http, CancellationToken ct)
    {
        var segment = await segments.GetAsync(id, ct);
        // Headers go out with the first byte: everything that can fail as a 400 (the stored filter, sort) has to
        // fail before WriteCsvAsync starts writing, which it does by building the query first.
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"segment-{segment.Id:N}.csv\"";
        await SegmentService.SourceOf(segment).WriteCsvAsync(http, segment, sort);
        return TypedResults.Empty;
    }
}
