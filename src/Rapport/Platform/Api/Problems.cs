using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Platform.Api;

/// <summary>Writes RFC 9457 problem responses; every one carries the <c>traceId</c> a support request can quote.</summary>
public static class Problems
{
    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    public static void AddTraceId(ProblemDetailsContext context) =>
        context.ProblemDetails.Extensions["traceId"] = TraceId(context.HttpContext);

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail,
        IDictionary<string, string[]>? errors = null)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
