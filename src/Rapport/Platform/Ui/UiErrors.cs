using Rapport.Platform.Api;

namespace Rapport.Platform.Ui;

/// <summary>Turns the failures services throw for people (not for bugs) into words a page can show.</summary>
public static class UiErrors
{
    public static bool IsExpected(Exception exception) => exception is RequestValidationException or ConflictException
        or ForbiddenException or NotFoundException or BadRequestException;

    public static string Message(Exception exception) => exception switch
    {
        RequestValidationException v => string.Join(" ", v.Errors.SelectMany(e => e.Value)),
        _ => exception.Message,
    };

    /// <summary>The first message for one field, for a form input's error text.</summary>
    public static string? For(Exception? exception, string field) =>
        exception is RequestValidationException v && v.Errors.TryGetValue(field, out var messages) ? messages.FirstOrDefault() : null;
}
