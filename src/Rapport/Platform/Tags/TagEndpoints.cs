using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Idempotency;

namespace Rapport.Platform.Tags;

public static class TagEndpoints
{
    public static IServiceCollection AddTags(this IServiceCollection services) =>
        services.AddScoped<TagService>().AddScoped<BulkTagging>().AddScoped<Pages.TagColors>();

    public static RouteGroupBuilder MapTags(this RouteGroupBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Tags");
        tags.MapGet("/", List).WithName("ListTags")
            .WithSummary("The tag catalogue with usage counts; q narrows it to names starting with q (autocomplete)");
        tags.MapGet("/{id:guid}", Get).WithName("GetTag").WithSummary("One tag with its usage counts");
        tags.MapPost("/", Create).WithName("CreateTag").WithSummary("Add a tag to the catalogue").WithIdempotency()
            .Accepts<TagInput>("application/json");
        tags.MapPatch("/{id:guid}", Patch).WithName("UpdateTag")
            .WithSummary("Rename or recolour a tag (JSON merge patch); a rename is written onto every record carrying it")
            .Accepts<TagInput>("application/merge-patch+json", "application/json");
        tags.MapDelete("/{id:guid}", Delete).WithName("DeleteTag").WithSummary("Remove a tag from every record and from the catalogue");
        foreach (var type in TaggedRecords.All)
        {
            api.MapPost($"/{type.Plural}/tags", (HttpContext http, BulkTagging bulk, CancellationToken ct) => Bulk(type, http, bulk, ct))
                .WithTags("Tags").WithName($"BulkTag{type.Plural}")
                .WithSummary($"Add and remove tags on up to {BulkTagRequest.MaxIds} {type.Plural} at once (one transaction)")
                .Accepts<BulkTagRequest>("application/json");
        }
        return api;
    }

    private static Task<TagList> List(
        [FromQuery(Name = "q"), Description("Only tags whose name starts with this (ignoring case).")] string? q,
        [FromQuery(Name = "limit"), Description("At most this many tags, 1 to 1000 (default 200).")] int? limit,
        TagService tags, CancellationToken ct) => tags.ListAsync(q, limit, ct);

    private static async Task<Ok<TagResponse>> Get(Guid id, TagService tags, HttpContext http, CancellationToken ct)
    {
        var tag = await tags.GetAsync(id, ct);
        http.Response.Headers.ETag = ETags.Of(tag.Version);
        return TypedResults.Ok(tag);
    }

    private static async Task<Created<TagResponse>> Create(HttpContext http, TagService tags, CancellationToken ct)
    {
        var tag = await tags.CreateAsync(await JsonBody.ReadAsync<TagInput>(http.Request, ct), ct);
        http.Response.Headers.ETag = ETags.Of(tag.Version);
        return TypedResults.Created($"/api/v1/tags/{tag.Id}", tag);
    }

    private static async Task<Ok<TagResponse>> Patch(Guid id, [FromServices] MergePatchBody merge, TagService tags, HttpContext http,
        CancellationToken ct)
    {
        var patch = await JsonBody.ReadAsync<JsonElement>(http.Request, ct);
        var tag = await tags.UpdateAsync(id, IfMatch.ExpectedVersion(http.Request), current => merge.Apply(current, patch), ct);
        http.Response.Headers.ETag = ETags.Of(tag.Version);
        return TypedResults.Ok(tag);
    }

    private static async Task<NoContent> Delete(Guid id, TagService tags, HttpContext http, CancellationToken ct)
    {
        await tags.DeleteAsync(id, IfMatch.ExpectedVersion(http.Request), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<BulkTagResponse>> Bulk(TaggedRecordType type, HttpContext http, BulkTagging bulk, CancellationToken ct) =>
        TypedResults.Ok(await bulk.ApplyAsync(type, await JsonBody.ReadAsync<BulkTagRequest>(http.Request, ct), ct));
}
