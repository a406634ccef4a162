using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;
using Rapport.Platform.Data;

namespace Rapport.Platform.Api;

/// <summary>What a CRM record's service offers, so every record type gets the same API from <see cref="RecordEndpoints"/>.</summary>
public interface IRecordService<TEntity, TInput, TResponse> where TEntity : Entity
{
    Task<Page<TResponse>> ListAsync(ListRequest request, CancellationToken ct);
    Task<TEntity> GetAsync(Guid id, CancellationToken ct);
    Task<TEntity> CreateAsync(TInput input, CancellationToken ct);
    Task<TEntity> UpdateAsync(Guid id, int? expectedVersion, Func<TInput, TInput> change, CancellationToken ct);
    Task DeleteAsync(Guid id, Action<TEntity>? precondition, CancellationToken ct);
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid id, CancellationToken ct);
}

/// <summary>
/// A record type whose API read skips <see cref="IRecordService{TEntity,TInput,TResponse}.GetAsync"/>'s whole entity:
/// a compiled query projected to what the response shows (the hottest read of the API; docs/benchmarks.md).
/// </summary>
public interface IRecordResponseReader<TResponse>
{
    /// <summary>The response and its version (the ETag); a record the caller may not read is missing (404).</summary>
    Task<(TResponse Response, int Version)> ReadAsync(Guid id, CancellationToken ct);
}

/// <summary>
/// The standard routes of a record type: list, get (ETag), create (Idempotency-Key), merge-patch update and
/// delete (If-Match), history. A module calls <see cref="MapRecords"/> once per record type.
/// </summary>
public static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecords<TService, TEntity, TInput, TResponse>(this RouteGroupBuilder api,
        string path, string singular, string plural, Func<TEntity, TResponse> toResponse)
        where TService : IRecordService<TEntity, TInput, TResponse>
        where TEntity : Entity
        where TInput : notnull
    {
        var name = typeof(TEntity).Name;
        var handlers = new RecordHandlers<TService, TEntity, TInput, TResponse>(path, singular, toResponse);
        var group = api.MapGroup(path).WithTags(plural);
        group.MapGet("/", RecordHandlers<TService, TEntity, TInput, TResponse>.List).WithName($"List{plural}").WithSummary($"List {plural.ToLowerInvariant()}")
            .WithDescription("Filter, sort, full-text search and keyset paging as described in docs/api.md.");
        group.MapGet("/{id:guid}", handlers.Get).WithName($"Get{name}").WithSummary($"Get one {singular}");
        group.MapPost("/", handlers.Create).WithName($"Create{name}").WithSummary($"Create a {singular}").WithIdempotency()
            .Accepts<TInput>("application/json");
        group.MapPatch("/{id:guid}", handlers.Patch).WithName($"Update{name}").WithSummary($"Update a {singular} (JSON merge patch)")
            .Accepts<TInput>("application/merge-patch+json", "application/json");
        group.MapDelete("/{id:guid}", handlers.Delete).WithName($"Delete{name}").WithSummary($"Delete a {singular}");
        group.MapGet("/{id:guid}/history", RecordHandlers<TService, TEntity, TInput, TResponse>.History).WithName($"Get{name}History")
            .WithSummary($"Every change to a {singular}, newest first");
        return group;
    }
}

internal sealed class RecordHandlers<TService, TEntity, TInput, TResponse>(string path, string singular, Func<TEntity, TResponse> toResponse)
    where TService : IRecordService<TEntity, TInput, TResponse>
    where TEntity : Entity
{
    // Services are resolved from the request rather than bound as [FromServices] TService: the ASP.NET Core
    // route-handler analyzer crashes (AD0001) on generic service parameters.
    private static TService Service(HttpContext http) => http.RequestServices.GetRequiredService<TService>();

    public static Task<Page<TResponse>> List([AsParameters] ListParameters query, HttpContext http, CancellationToken ct) =>
        Service(http).ListAsync(query.ToRequest(), ct);

    public async Task<Ok<TResponse>> Get(Guid id, HttpContext http, CancellationToken ct)
    {
        var service = Service(http);
        if (service is IRecordResponseReader<TResponse> reader)
        {
            var (response, version) = await reader.ReadAsync(id, ct);
            http.Response.Headers.ETag = ETags.Of(version);
            return TypedResults.Ok(response);
        }
        var record = await service.GetAsync(id, ct);
        http.Response.Headers.ETag = ETags.Of(record.Version);
        return TypedResults.Ok(toResponse(record));
    }

    public async Task<Created<TResponse>> Create(HttpContext http, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<TInput>(http.Request, ct);
        var record = await Service(http).CreateAsync(input, ct);
        http.Response.Headers.ETag = ETags.Of(record.Version);
        return TypedResults.Created($"/api/v1{path}/{record.Id}", toResponse(record));
    }

    public async Task<Ok<TResponse>> Patch(Guid id, [FromServices] MergePatchBody merge, HttpContext http, CancellationToken ct)
    {
        // Read as a JsonElement with the API's JSON rules (duplicate members refused); a JsonNode bound by the
        // framework would fail on them with a 500. The body schema comes from Accepts<TInput> below.
        var patch = await JsonBody.ReadAsync<JsonElement>(http.Request, ct);
        var record = await Service(http).UpdateAsync(id, IfMatch.ExpectedVersion(http.Request), current => merge.Apply(current, patch), ct);
        http.Response.Headers.ETag = ETags.Of(record.Version);
        return TypedResults.Ok(toResponse(record));
    }

    public async Task<NoContent> Delete(Guid id, HttpContext http, CancellationToken ct)
    {
        var expected = IfMatch.ExpectedVersion(http.Request);
        await Service(http).DeleteAsync(id, record =>
        {
            if (expected is { } v && v != record.Version)
                throw new PreconditionFailedException($"The {singular} has changed since version {v} (now {record.Version}). Reload before deleting.");
        }, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<HistoryEntry>>> History(Guid id, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Service(http).HistoryAsync(id, ct));
}
