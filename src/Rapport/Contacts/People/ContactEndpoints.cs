using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Audit;

namespace Rapport.Contacts.People;

public static class ContactEndpoints
{
    public static RouteGroupBuilder MapContactRecords(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts").WithTags("Contacts");
        group.MapGet("/", List).WithName("ListContacts").WithSummary("List contacts")
            .WithDescription("Filter, sort, full-text search and keyset paging as described in docs/api.md.");
        group.MapGet("/{id:guid}", Get).WithName("GetContact").WithSummary("Get one contact");
        group.MapPost("/", Create).WithName("CreateContact").WithSummary("Create a contact").WithIdempotency();
        group.MapPatch("/{id:guid}", Patch).WithName("UpdateContact").WithSummary("Update a contact (JSON merge patch)")
            .Accepts<ContactInput>("application/merge-patch+json");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteContact").WithSummary("Delete a contact");
        group.MapGet("/{id:guid}/history", GetHistory).WithName("GetContactHistory").WithSummary("Every change to a contact, newest first");
        return group;
    }

    private static Task<Page<ContactResponse>> List([AsParameters] ListParameters query, ContactService contacts,
        CancellationToken ct) => contacts.ListAsync(query.ToRequest(), ct);

    private static async Task<Ok<ContactResponse>> Get(Guid id, ContactService contacts, HttpResponse response, CancellationToken ct)
    {
        var contact = await contacts.GetAsync(id, ct);
        response.Headers.ETag = ETags.Of(contact.Version);
        return TypedResults.Ok(ContactResponse.From(contact));
    }

    private static async Task<Created<ContactResponse>> Create(ContactInput input, ContactService contacts,
        HttpResponse response, CancellationToken ct)
    {
        var contact = await contacts.CreateAsync(input, ct);
        response.Headers.ETag = ETags.Of(contact.Version);
        return TypedResults.Created($"/api/v1/contacts/{contact.Id}", ContactResponse.From(contact));
    }

    private static async Task<Ok<ContactResponse>> Patch(Guid id, [FromBody] JsonNode? patch, ContactService contacts,
        MergePatchBody merge, HttpContext http, CancellationToken ct)
    {
        var contact = await contacts.UpdateAsync(id, IfMatch.ExpectedVersion(http.Request),
            current => merge.Apply(current, patch), ct);
        http.Response.Headers.ETag = ETags.Of(contact.Version);
        return TypedResults.Ok(ContactResponse.From(contact));
    }

    private static async Task<NoContent> Delete(Guid id, ContactService contacts, HttpRequest request, CancellationToken ct)
    {
        var expected = IfMatch.ExpectedVersion(request);
        await contacts.DeleteAsync(id, c =>
        {
            if (expected is { } v && v != c.Version)
                throw new PreconditionFailedException($"The contact has changed since version {v} (now {c.Version}). Reload before deleting.");
        }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> GetHistory(Guid id, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.HistoryAsync(id, ct));
}
