using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Rapport.Activities;

namespace Rapport.Platform.Documents;

/// <summary>The form an upload sends, for the OpenAPI description (the body is read as a stream, not bound).</summary>
public sealed record DocumentUploadForm(IFormFile File);

/// <summary>Lifts the API's 1 MB body limit to the upload limit on the routes that take files.</summary>
internal sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>/api/v1/{companies|contacts}/{id}/documents and /api/v1/documents/{id}, plus the UI's cookie download.</summary>
public static class DocumentEndpoints
{
    /// <summary>Room for the multipart framing around the file itself.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        var limit = new UploadSizeLimit(((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<FileStore>().MaxSizeBytes + MultipartOverhead);
        MapRecordDocuments(api, "companies", LinkedRecordType.Company, "Company", limit);
        MapRecordDocuments(api, "contacts", LinkedRecordType.Contact, "Contact", limit);

        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/{id:guid}", GetDocument).WithName("GetDocument")
            .WithSummary("A document and its versions, by the document's id or any version's id");
        documents.MapGet("/{id:guid}/content", Download).WithName("DownloadDocument")
            .WithSummary("Download a version's content (the latest for a document's id)")
            .Produces(StatusCodes.Status200OK, contentType: FileTypes.Binary);
        documents.MapPost("/{id:guid}/versions", AddVersion).WithName("AddDocumentVersion")
            .WithSummary("Upload a new version; older versions stay downloadable")
            .Accepts<DocumentUploadForm>("multipart/form-data").WithMetadata(limit)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        documents.MapDelete("/{id:guid}", Delete).WithName("DeleteDocument")
            .WithSummary("Delete a document with all its versions and files");
        return api;
    }

    private static void MapRecordDocuments(RouteGroupBuilder api, string path, LinkedRecordType type, string name, UploadSizeLimit limit)
    {
        api.MapGet($"/{path}/{{id:guid}}/documents",
                (Guid id, DocumentService documents, CancellationToken ct) => List(type, id, documents, ct))
            .WithTags("Documents").WithName($"List{name}Documents")
            .WithSummary($"A {name.ToLowerInvariant()}'s documents with their versions, most recently changed first");
        api.MapPost($"/{path}/{{id:guid}}/documents",
                (Guid id, HttpRequest request, DocumentService documents, CancellationToken ct) => Upload(type, id, request, documents, ct))
            .WithTags("Documents").WithName($"Upload{name}Document")
            .WithSummary($"Attach a file to a {name.ToLowerInvariant()} (multipart/form-data, part 'file')")
            .Accepts<DocumentUploadForm>("multipart/form-data").WithMetadata(limit)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<DocumentList>> List(LinkedRecordType type, Guid id, DocumentService documents, CancellationToken ct) =>
        TypedResults.Ok(new DocumentList(await documents.ListAsync(type, id, ct)));

    private static async Task<Created<DocumentResponse>> Upload(LinkedRecordType type, Guid id, HttpRequest request,
        DocumentService documents, CancellationToken ct)
    {
        var document = await MultipartUpload.ReadFileAsync(request, (name, content) => documents.UploadAsync(type, id, name, content, ct), ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", document);
    }

    private static async Task<Ok<DocumentResponse>> GetDocument(Guid id, DocumentService documents, CancellationToken ct) =>
        TypedResults.Ok(await documents.GetAsync(id, ct));

    private static async Task<Created<DocumentResponse>> AddVersion(Guid id, HttpRequest request, DocumentService documents,
        CancellationToken ct)
    {
        var document = await MultipartUpload.ReadFileAsync(request, (name, content) => documents.AddVersionAsync(id, name, content, ct), ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", document);
    }

    private static async Task<NoContent> Delete(Guid id, DocumentService documents, CancellationToken ct)
    {
        await documents.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Downloads for the UI: the sign-in cookie authenticates (the API accepts only keys), with the same access
    /// checks as the API. GET only, so there is nothing for a cross-site request to change.
    /// </summary>
    public static IEndpointRouteBuilder MapDocumentFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}", Download).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<FileStreamHttpResult> Download(Guid id, DocumentService documents, HttpContext http, CancellationToken ct)
    {
        var (version, content) = await documents.OpenAsync(id, ct);
        var headers = http.Response.Headers;
        // Served as an attachment of the type its content was checked to be; never rendered in our origin.
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-cache";
        return TypedResults.Stream(content, version.ContentType, DocumentRules.DownloadName(version.FileName),
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{version.Sha256}\""), enableRangeProcessing: true);
    }
}
