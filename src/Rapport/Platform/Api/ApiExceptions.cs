namespace Rapport.Platform.Api;

/// <summary>A request whose fields break the rules: 400 with an <c>errors</c> member per field.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors, string? detail = null)
    : Exception(detail ?? "One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A request that cannot be understood (bad filter, bad cursor): 400.</summary>
public sealed class BadRequestException(string message) : Exception(message);

public sealed class NotFoundException(string message) : Exception(message);

public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A request that is valid but conflicts with the current state: 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The If-Match header names a version that is no longer current: 412.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>The Idempotency-Key was used before with a different request: 422.</summary>
public sealed class UnprocessableException(string message) : Exception(message);
