using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Data;

namespace Rapport.Platform.Export;

/// <summary>
/// Maps {path}.csv and {path}.xlsx for a record type: the API under /api/v1 (API keys) and the UI under /export
/// (the sign-in cookie) share these handlers, so both give the same rows, scoping and neutralised cells.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports<T>(this IEndpointRouteBuilder group, string path, string plural,
        RecordExport<T> export) where T : Entity
    {
        group.MapGet($"{path}.csv", (HttpContext http, string? filter, string? sort, string? q) => Csv(http, export, new ListRequest(filter, sort, q, null, null)))
            .WithName($"Export{plural}Csv").WithSummary($"Export {plural.ToLowerInvariant()} as CSV")
            .WithDescription("Every row the caller can read that matches q and filter, in sort order (as the list endpoint). Cells starting with = + - @ tab or CR are prefixed with a single quote.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet($"{path}.xlsx", (HttpContext http, string? filter, string? sort, string? q) => Xlsx(http, export, new ListRequest(filter, sort, q, null, null)))
            .WithName($"Export{plural}Xlsx").WithSummary($"Export {plural.ToLowerInvariant()} as XLSX")
            .WithDescription("The same rows and columns as the CSV export, as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExportWriter.ContentType);
        return group;
    }

    private static async Task<PushStreamHttpResult> Csv<T>(HttpContext http, RecordExport<T> export, ListRequest request) where T : Entity
    {
        var rows = await export.RowsAsync(http.RequestServices, request, http.RequestAborted);
        var columns = await export.AllColumnsAsync(http.RequestServices, http.RequestAborted);
        return TypedResults.Stream(body => CsvExportWriter.WriteAsync(body, rows.AsAsyncEnumerable(), columns, http.RequestAborted),
            "text/csv; charset=utf-8", $"{export.FileName}.csv");
    }

    private static async Task<PushStreamHttpResult> Xlsx<T>(HttpContext http, RecordExport<T> export, ListRequest request) where T : Entity
    {
        var rows = await export.RowsAsync(http.RequestServices, request, http.RequestAborted);
        var columns = await export.AllColumnsAsync(http.RequestServices, http.RequestAborted);
        return TypedResults.Stream(body => XlsxExportWriter.WriteAsync(body, rows.AsEnumerable(), columns, http.RequestAborted),
            XlsxExportWriter.ContentType, $"{export.FileName}.xlsx");
    }
}
