namespace Rapport.Platform.Api.Idempotency;

public static class IdempotencyEndpointExtensions
{
    /// <summary>Lets clients retry this POST safely with an Idempotency-Key header.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new IdempotentEndpoint());
}

/// <summary>Marks endpoints that honour Idempotency-Key, so the OpenAPI document can describe the header.</summary>
public sealed class IdempotentEndpoint;
