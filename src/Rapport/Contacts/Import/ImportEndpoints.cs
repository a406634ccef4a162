using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.People;
using Rapport.Platform.Api;
using Rapport.Platform.Auth;
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

/// <summary>CSV import of contacts: preview, start a background job, follow it, download its error report.</summary>
public static class ImportEndpoints
{
    public const string Path = "/imports";

    public static void MapImports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Path).WithTags("Imports").DisableAntiforgery();
        group.MapPost("/preview", Preview).WithName("PreviewImport").WithSummary("Preview a contact CSV: matched columns and the first rows' errors")
            .WithDescription("Multipart form: file (CSV) and optional mapping (JSON object of column header → field). Writes nothing.");
        group.MapPost("/", Start).WithName("StartImport").WithSummary("Import contacts from a CSV in the background")
            .WithDescription("Multipart form: file (CSV), mapping (optional JSON object of column header → field; auto-matched when absent) and strategy (skip, update or create) for rows whose email matches an existing contact.");
        group.MapGet("/{id:guid}", Get).WithName("GetImport").WithSummary("An import's status and counts");
        group.MapGet("/{id:guid}/errors.csv", Errors).WithName("GetImportErrors").WithSummary("An import's error report: row, column, message");
    }

    private static async Task<Ok<ImportPreviewResponse>> Preview(HttpRequest request, CancellationToken ct)
    {
        var (file, form) = await ReadFormAsync(request, ct);
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await ImportPreviewer.PreviewAsync(stream, ImportMapping.Parse(form["mapping"]), ct));
    }

    private static async Task<Accepted<ImportResponse>> Start(HttpRequest request, RapportDb db, RecordAccess access,
        CurrentActor actor, ImportFiles files, PendingImports pending, TimeProvider clock, CancellationToken ct)
    {
        access.Demand(new Contact { OwnerId = actor.UserId }, Operation.Create, "contact");
        var (file, form) = await ReadFormAsync(request, ct);
        var strategyText = form["strategy"].ToString();
        if (!Enum.TryParse<DuplicateStrategy>(string.IsNullOrEmpty(strategyText) ? "skip" : strategyText, ignoreCase: true, out var strategy)
            || !Enum.IsDefined(strategy) || strategyText.Any(char.IsDigit))
            throw RequestValidationException.For("strategy", "strategy must be skip, update or create.");

        var job = new ImportJob
        {
            CreatedById = actor.UserId ?? throw new ForbiddenException("Sign in to import."),
            CreatedAt = Timestamps.UtcNow(clock),
            FileName = System.IO.Path.GetFileName(file.FileName) is { Length: > 0 and <= 255 } name ? name : "import.csv",
            Status = ImportStatus.Queued,
            Strategy = strategy,
        };
        var path = files.PathOf(job.Id);
        string encoding;
        await using (var source = file.OpenReadStream()) encoding = await ImportCsv.DetectEncodingAsync(source, ct);
        await using (var source = file.OpenReadStream())
        {
            // The mapping is checked against the real headers now, so a wrong one is a 400, not a failed job.
            using var csv = ImportCsv.Open(source, encoding);
            job.Mapping = ImportMapping.For(csv.Headers, ImportMapping.Parse(form["mapping"])).ToJson();
        }
        await using (var source = file.OpenReadStream())
        await using (var target = File.Create(path))
            await source.CopyToAsync(target, ct);
        db.Imports.Add(job);
        await db.SaveChangesAsync(ct);
        pending.Enqueue(job.Id);
        return TypedResults.Accepted($"/api/v1{Path}/{job.Id}", ImportResponse.From(job));
    }

    private static async Task<Ok<ImportResponse>> Get(Guid id, RapportDb db, CurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(ImportResponse.From(await VisibleAsync(id, db, actor, ct)));

    private static async Task<PushStreamHttpResult> Errors(Guid id, RapportDb db, CurrentActor actor, HttpContext http, CancellationToken ct)
    {
        await VisibleAsync(id, db, actor, ct);
        var rows = db.ImportErrors.AsNoTracking().Where(e => e.ImportJobId == id).OrderBy(e => e.Row).ThenBy(e => e.Id).AsAsyncEnumerable();
        ExportColumn<ImportError>[] columns =
        [
            new("Row", e => e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Column", e => e.Column),
            new("Message", e => e.Message),
        ];
        return TypedResults.Stream(body => CsvExportWriter.WriteAsync(body, rows, columns, http.RequestAborted),
            "text/csv; charset=utf-8", $"import-{id:N}-errors.csv");
    }

    /// <summary>An import is visible to the person who started it and to admins.</summary>
    private static async Task<ImportJob> VisibleAsync(Guid id, RapportDb db, CurrentActor actor, CancellationToken ct)
    {
        var job = await db.Imports.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || (job.CreatedById != actor.UserId && !actor.IsInRole(Roles.Admin)))
            throw new NotFoundException($"No import with id {id} that you can see.");
        return job;
    }

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
