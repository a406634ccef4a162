using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Platform.Api;

/// <summary>The one mapping from failures to problem responses.</summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        var ct = cancellationToken;
        var (status, title, detail, errors) = exception switch
        {
            RequestValidationException v => (400, "Invalid request", v.Message, v.Errors),
            BadRequestException b => (400, "Invalid request", b.Message, null),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "Request too large" : "Malformed request",
                Describe(b), null),
            NotFoundException n => (404, "Not found", n.Message, null),
            ForbiddenException f => (403, "Forbidden", f.Message, null),
            ConflictException c => (409, "Conflict", c.Message, null),
            DbUpdateConcurrencyException => (409, "Conflict",
                "The record was changed by someone else while you were saving. Reload it and try again.", null),
            PreconditionFailedException p => (412, "Precondition failed", p.Message, null),
            UnprocessableException u => (422, "Unprocessable request", u.Message, null),
            OperationCanceledException when ct.IsCancellationRequested => (499, "Client closed request", "", null),
            _ => (500, "Unexpected error", "Something went wrong on our side. Quote the traceId when reporting it.",
                (IDictionary<string, string[]>?)null),
        };
        if (status == 500) logger.LogError(exception, "Unhandled exception for {Path}", context.Request.Path);
        else logger.LogDebug(exception, "Request failed with {Status}", status);
        if (status == 499) return true;
        await Problems.WriteAsync(context, status, title, detail, errors);
        return true;
    }

    /// <summary>JSON errors carry the path of the offending member; pass it on so a developer can act on it.</summary>
    private static string Describe(BadHttpRequestException exception) => exception.InnerException switch
    {
        JsonException json => $"The request body is not valid: {json.Message}",
        _ => exception.Message,
    };
}
