using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Rapport.Platform.Api;

/// <summary>Writes RFC 9457 problem responses; every one carries the <c>traceId</c> a support request can quote.</summary>
public static class Problems
{
    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    /// <summary>
    /// Completes every problem, including those the framework writes itself (an unknown route, a wrong method
    /// or content type): a traceId always, and a detail when none was given.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = TraceId(context.HttpContext);
        if (string.IsNullOrWhiteSpace(problem.Detail)) problem.Detail = DefaultDetail(context.HttpContext.Request, problem.Status);
    }

    private static string DefaultDetail(HttpRequest request, int? status) => status switch
    {
        StatusCodes.Status404NotFound => $"Nothing at {request.Path}. The routes are listed in /openapi/v1.json.",
        StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}. The routes are listed in /openapi/v1.json.",
        StatusCodes.Status415UnsupportedMediaType =>
            $"Content-Type '{request.ContentType}' is not accepted here. Send application/json (application/merge-patch+json also works for PATCH).",
        { } code => $"The request failed with status {code} ({ReasonPhrases.GetReasonPhrase(code)}).",
        null => "The request failed.",
    };

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
