using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Data;
using Rapport.Platform.Export;

namespace Rapport.Contacts.Import;

public sealed record ImportResponse(Guid Id, string RecordType, string Status, string Strategy, string FileName, string? Encoding,
    int Total, int Processed, int Created, int Updated, int Skipped, int Errors, string? Failure, DateTime CreatedAt, DateTime? FinishedAt)
{
    public static ImportResponse From(ImportJob j) => new(j.Id, j.RecordType.ToString().ToLowerInvariant(), j.Status.ToString().ToLowerInvariant(),
        j.Strategy.ToString().ToLowerInvariant(), j.FileName, j.Encoding, j.Total, j.Processed, j.CreatedCount,
        j.UpdatedCount, j.SkippedCount, j.ErrorCount, j.Failure, j.CreatedAt, j.FinishedAt);
}

internal sealed record ImportSizeLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;

/// <summary>
/// CSV import of contacts (/imports, where it has always been) and of companies (/companies/imports): preview,
/// start a background job, follow it, download its error report. Both route groups have the same shape.
/// </summary>
public static class ImportEndpoints
{
    public const string ContactsPath = "/imports";
    public const string CompaniesPath = "/companies/imports";

    public static void MapImports(this RouteGroupBuilder api)
    {
        api.MapImports(ContactsPath, ImportKind.Contacts, "Import");
        api.MapImports(CompaniesPath, ImportKind.Companies, "CompanyImport");
    }

    private static void MapImports(this RouteGroupBuilder api, string path, ImportKind kind, string name)
    {
        // CSV files are far larger than the API's 1 MB JSON bodies; the body limit middleware reads this metadata.
        var group = api.MapGroup(path).WithTags("Imports").DisableAntiforgery()
            .WithMetadata(new ImportSizeLimit(ImportFiles.MaxBytes));
        group.MapPost("/preview", (HttpRequest request, CancellationToken ct) => Preview(kind, request, ct))
            .WithName($"Preview{name}").WithSummary($"Preview a {kind.Singular} CSV: matched columns, the first rows' errors and likely duplicates")
            .WithDescription("Multipart form: file (CSV) and optional mapping (JSON object of column header → field). Writes nothing.");
        group.MapPost("/", (HttpRequest request, ImportStarter imports, CancellationToken ct) => Start(kind, path, request, imports, ct))
            .WithName($"Start{name}").WithSummary($"Import {kind.Plural} from a CSV in the background")
            .WithDescription("Multipart form: file (CSV), mapping (optional JSON object of column header → field; auto-matched when absent) " +
                             $"and strategy (skip, update or create) for rows where {kind.MatchRule}.");
        group.MapGet("/{id:guid}", (Guid id, ImportStarter imports, CancellationToken ct) => Get(kind, id, imports, ct))
            .WithName($"Get{name}").WithSummary("An import's status and counts");
        group.MapGet("/{id:guid}/errors.csv", (Guid id, ImportStarter imports, RapportDb db, HttpContext http, CancellationToken ct) =>
                Errors(kind, id, imports, db, http, ct))
            .WithName($"Get{name}Errors").WithSummary("An import's error report: row, column, message");
    }

    private static async Task<Ok<ImportPreviewResponse>> Preview(ImportKind kind, HttpRequest request, CancellationToken ct)
    {
        var (file, form) = await ReadFormAsync(request, ct);
        var services = request.HttpContext.RequestServices;
        await using var stream = file.OpenReadStream();
        var custom = await ImportCustomFields.LoadAsync(services.GetRequiredService<Platform.CustomFields.CustomFieldValues>(), kind, ct);
        var preview = await ImportPreviewer.PreviewAsync(stream, kind, ImportMapping.Parse(form["mapping"]), custom, ct);
        return TypedResults.Ok(await kind.WarnAsync(services, preview, ct));
    }

    private static async Task<Accepted<ImportResponse>> Start(ImportKind kind, string path, HttpRequest request, ImportStarter imports,
        CancellationToken ct)
    {
        var (file, form) = await ReadFormAsync(request, ct);
        var strategy = ParseStrategy(form["strategy"].ToString());
        var job = await imports.StartAsync(kind, file.OpenReadStream, file.FileName, ImportMapping.Parse(form["mapping"]), strategy, ct);
        return TypedResults.Accepted($"/api/v1{path}/{job.Id}", ImportResponse.From(job));
    }

    private static DuplicateStrategy ParseStrategy(string text)
    {
        if (string.IsNullOrEmpty(text)) return DuplicateStrategy.Skip;
        if (Enum.TryParse<DuplicateStrategy>(text, ignoreCase: true, out var strategy) && Enum.IsDefined(strategy) && !text.Any(char.IsDigit))
            return strategy;
        throw RequestValidationException.For("strategy", "strategy must be skip, update or create.");
    }

    private static async Task<Ok<ImportResponse>> Get(ImportKind kind, Guid id, ImportStarter imports, CancellationToken ct) =>
        TypedResults.Ok(ImportResponse.From(await imports.GetAsync(id, kind, ct)));

    private static async Task<PushStreamHttpResult> Errors(ImportKind? kind, Guid id, ImportStarter imports, RapportDb db, HttpContext http,
        CancellationToken ct)
    {
        await imports.GetAsync(id, kind, ct);
        var rows = db.ImportErrors.AsNoTracking().Where(e => e.ImportJobId == id).OrderBy(e => e.Row).ThenBy(e => e.Id).AsAsyncEnumerable();
        return TypedResults.Stream(body => CsvExportWriter.WriteAsync(body, rows, ErrorColumns, http.RequestAborted),
            "text/csv; charset=utf-8", $"import-{id:N}-errors.csv");
    }

    private static readonly ExportColumn<ImportError>[] ErrorColumns =
    [
        new("Row", e => e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Column", e => e.Column),
        new("Message", e => e.Message),
    ];

    /// <summary>The error report for the import pages' download link, any record type (cookie-authenticated, outside /api).</summary>
    public static void MapImportErrorDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/export/imports/{id:guid}/errors.csv", (Guid id, ImportStarter imports, RapportDb db, HttpContext http, CancellationToken ct) =>
            Errors(null, id, imports, db, http, ct)).RequireAuthorization().ExcludeFromDescription();

    private static async Task<(IFormFile File, IFormCollection Form)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw RequestValidationException.For("file", "Send a multipart/form-data body with the CSV in a field named file.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw RequestValidationException.For("file", "Send the CSV in a form field named file.");
        if (file.Length == 0) throw RequestValidationException.For("file", "The file is empty.");
        return (file, form);
    }
}
