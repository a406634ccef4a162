using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Platform.Api;

namespace Rapport.Platform.CustomFields;

/// <summary>/api/v1/custom-fields: the definitions (read by anyone, changed by admins).</summary>
public static class CustomFieldEndpoints
{
    public static RouteGroupBuilder MapCustomFields(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/custom-fields").WithTags("Custom fields");
        group.MapGet("/", ListAsync).WithName("ListCustomFields").WithSummary("List custom field definitions")
            .WithDescription("Archived fields are listed too (archived: true). ?object=contact or company narrows the list.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCustomField").WithSummary("Get one custom field definition");
        group.MapPost("/", CreateAsync).WithName("CreateCustomField").WithSummary("Define a custom field (admins)")
            .Accepts<CustomFieldInput>("application/json");
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateCustomField")
            .WithSummary("Change a custom field's label, help text, required flag, default, options or position (admins; JSON merge patch)")
            .Accepts<CustomFieldInput>("application/merge-patch+json", "application/json");
        group.MapPost("/{id:guid}/archive", (Guid id, CustomFieldService fields, HttpContext http, CancellationToken ct) =>
                SetArchivedAsync(id, true, fields, http, ct))
            .WithName("ArchiveCustomField").WithSummary("Archive a custom field: hidden from forms and exports, values kept (admins)");
        group.MapPost("/{id:guid}/unarchive", (Guid id, CustomFieldService fields, HttpContext http, CancellationToken ct) =>
                SetArchivedAsync(id, false, fields, http, ct))
            .WithName("UnarchiveCustomField").WithSummary("Bring an archived custom field back (admins)");
        return api;
    }

    private static async Task<Ok<CustomFieldList>> ListAsync([FromQuery(Name = "object")] string? objectKey, CustomFieldService fields,
        CancellationToken ct) =>
        TypedResults.Ok(new CustomFieldList((await fields.ListAsync(objectKey, ct)).Select(CustomFieldResponse.From).ToList()));

    private static async Task<Ok<CustomFieldResponse>> GetAsync(Guid id, CustomFieldService fields, HttpContext http, CancellationToken ct) =>
        Respond(await fields.GetAsync(id, ct), http);

    private static async Task<Created<CustomFieldResponse>> CreateAsync(CustomFieldService fields, HttpContext http, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<CustomFieldInput>(http.Request, ct);
        var definition = await fields.CreateAsync(input, ct);
        http.Response.Headers.ETag = ETags.Of(definition.Version);
        return TypedResults.Created($"/api/v1/custom-fields/{definition.Id}", CustomFieldResponse.From(definition));
    }

    private static async Task<Ok<CustomFieldResponse>> UpdateAsync(Guid id, CustomFieldService fields, MergePatchBody merge,
        HttpContext http, CancellationToken ct)
    {
        var patch = await JsonBody.ReadAsync<JsonElement>(http.Request, ct);
        var definition = await fields.UpdateAsync(id, IfMatch.ExpectedVersion(http.Request), current => merge.Apply(current, patch), ct);
        return Respond(definition, http);
    }

    private static async Task<Ok<CustomFieldResponse>> SetArchivedAsync(Guid id, bool archived, CustomFieldService fields,
        HttpContext http, CancellationToken ct) =>
        Respond(await fields.SetArchivedAsync(id, archived, ct), http);

    private static Ok<CustomFieldResponse> Respond(CustomFieldDefinition definition, HttpContext http)
    {
        http.Response.Headers.ETag = ETags.Of(definition.Version);
        return TypedResults.Ok(CustomFieldResponse.From(definition));
    }
}
