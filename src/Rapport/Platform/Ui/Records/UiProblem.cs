using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Api;

namespace Rapport.Platform.Ui.Records;

/// <summary>
/// Why an operation started from a page failed, in the same terms the API would answer with
/// (the services throw the same exceptions for both), so a page can show it next to the right field.
/// </summary>
public sealed record UiProblem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public bool IsNotFound => Status == 404;

    public bool IsValidation => Status == 400 && Errors.Count > 0;

    /// <summary>The problem a failure stands for, or null for one that is a bug (the caller logs it).</summary>
    public static UiProblem? From(Exception exception) => exception switch
    {
        RequestValidationException v => new(400, "Check the highlighted fields", v.Message, new Dictionary<string, string[]>(v.Errors)),
        BadRequestException b => new(400, "Invalid request", b.Message, NoErrors),
        NotFoundException n => new(404, "Not found", n.Message, NoErrors),
        ForbiddenException f => new(403, "Not allowed", f.Message, NoErrors),
        ConflictException c => new(409, "Conflict", c.Message, NoErrors),
        DbUpdateConcurrencyException => new(409, "Changed by someone else",
            "The record was changed by someone else while you were saving. Reload it and try again.", NoErrors),
        PreconditionFailedException p => new(412, "Changed by someone else", p.Message, NoErrors),
        _ => null,
    };

    public static UiProblem Unexpected(string traceId) => new(500, "Something went wrong",
        $"The operation failed on our side. Quote {traceId} when reporting it.", NoErrors);
}

/// <summary>The value of an operation, or the problem that stopped it.</summary>
public sealed record UiResult<T>(T? Value, UiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}
