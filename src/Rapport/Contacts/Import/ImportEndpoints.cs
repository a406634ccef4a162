using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;
using Rapport.Platform.Data;
using Rapport.Platform.Export;

namespace Rapport.Contacts.Import;

public sealed record ImportResponse(Guid Id, string Status, string Strategy, string FileName, string? Encoding, int Total,
    int Processed, int Created, int Updated, int Skipped, int Errors, string? Failure, DateTime CreatedAt, DateTime? FinishedAt)
{
    public static ImportResponse From(ImportJob j) => new(j.Id, j.Status.ToString().ToLowerInvariant(),
        j.Strategy.ToString().ToLowerInvariant(), j.FileName, j.Encoding, j.Total, j.Processed, j.CreatedCount,
        j.UpdatedCount, j.SkippedCount, j.ErrorCount, j.Failure, j.CreatedAt, j.FinishedAt);
}

internal sealed record ImportSizeLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;

/// <summary>CSV import of contacts: preview, start a background job, follow it, download its error report.</summary>
public static class ImportEndpoints
{
    public const string Path = "/imports";

    public static void MapImports(this RouteGroupBuilder api)
    {
        // CSV files are far larger than the API's 1 MB JSON bodies; the body limit middleware reads this metadata.
        var group = api.MapGroup(Path).WithTags("Imports").DisableAntiforgery()
            .WithMetadata(new ImportSizeLimit(ImportFiles.MaxBytes));
        group.MapPost("/preview", Preview).WithName("PreviewImport").WithSummary("Preview a contact CSV: matched columns, the first rows' errors and likely duplicates")
            .WithDescription("Multipart form: file (CSV) and optional mapping (JSON object of column header → field). Writes nothing.");
        group.MapPost("/", Start).WithName("StartImport").WithSummary("Import contacts from a CSV in the background")
            .WithDescription("Multipart form: file (CSV), mapping (optional JSON object of column header → field; auto-matched when absent) and strategy (skip, update or create) for rows whose email matches an existing contact.");
        group.MapGet("/{id:guid}", Get).WithName("GetImport").WithSummary("An import's status and counts");
        group.MapGet("/{id:guid}/errors.csv", Errors).WithName("GetImportErrors").WithSummary("An import's error report: row, column, message");
    }

    private static async Task<Ok<ImportPreviewResponse>> Preview(HttpRequest request, ImportDuplicateWarnings duplicates,
        Platform.CustomFields.CustomFieldValues customFields, CancellationToken ct)
    {
        var (file, form) = await ReadFormAsync(request, ct);
        await using var stream = file.OpenReadStream();
        var preview = await ImportPreviewer.PreviewAsync(stream, ImportMapping.Parse(form["mapping"]),
            await ImportCustomFields.LoadAsync(customFields, ct), ct);
        return TypedResults.Ok(await duplicates.AddToAsync(preview, ct));
    }

    private static async Task<Accepted<ImportResponse>> Start(HttpRequest request, ImportStarter imports, CancellationToken ct)
    {
        var (file, form) = await ReadFormAsync(request, ct);
        var strategy = ParseStrategy(form["strategy"].ToString());
        var job = await imports.StartAsync(file.OpenReadStream, file.FileName, ImportMapping.Parse(form["mapping"]), strategy, ct);
        return TypedResults.Accepted($"/api/v1{Path}/{job.Id}", ImportResponse.From(job));
    }

    private static DuplicateStrategy ParseStrategy(string text)
    {
        if (string.IsNullOrEmpty(text)) return DuplicateStrategy.Skip;
        if (Enum.TryParse<DuplicateStrategy>(text, ignoreCase: true, out var strategy) && Enum.IsDefined(strategy) && !text.Any(char.IsDigit))
            return strategy;
        throw RequestValidationException.For("strategy", "strategy must be skip, update or create.");
    }

    private static async Task<Ok<ImportResponse>> Get(Guid id, ImportStarter imports, CancellationToken ct) =>
        TypedResults.Ok(ImportResponse.From(await imports.GetAsync(id, ct)));

    private static async Task<PushStreamHttpResult> Errors(Guid id, ImportStarter imports, RapportDb db, HttpContext http, CancellationToken ct)
    {
        await imports.GetAsync(id, ct);
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

    /// <summary>The error report for the import page's download link (cookie-authenticated, outside /api).</summary>
    public static void MapImportErrorDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/export/imports/{id:guid}/errors.csv", Errors).RequireAuthorization().ExcludeFromDescription();

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
