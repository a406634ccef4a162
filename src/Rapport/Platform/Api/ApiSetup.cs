using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Auth;
using Scalar.AspNetCore;

namespace Rapport.Platform.Api;

/// <summary>The API conventions of docs/api.md, wired once; resources only map their routes.</summary>
public static class ApiSetup
{
    /// <summary>Request bodies above this are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddRapportApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiDocumentTransformer>()
            .AddOperationTransformer<ApiOperationTransformer>());
        services.AddSingleton<KeysetCursor>();
        services.AddScoped<ListQuery>();
        services.AddSingleton<MergePatchBody>();
        services.AddSingleton<IdempotencyFilter>();
        return services;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.MaxDepth = 32;
        // {"name":"a","name":"b"} is ambiguous: refuse it rather than silently keep one of the two.
        json.AllowDuplicateProperties = false;
    }

    public static RouteGroupBuilder MapRapportApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o
            .WithTitle("Rapport API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddHttpAuthentication("ApiKey", a => a.Token = ""));
        return app.MapGroup("/api/v1")
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>
    /// Refuses oversized API bodies with 413 before anything reads them. Routes that take files declare a larger
    /// limit (<see cref="Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata"/>).
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var max = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()
                    ?.MaxRequestBodySize ?? MaxRequestBodyBytes;
                if (context.Request.ContentLength > max)
                {
                    await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                        $"The request body is {context.Request.ContentLength} bytes; the limit is {max} bytes.");
                    return;
                }
                var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
                if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = max;
                else context.Request.Body = new LengthLimitedStream(context.Request.Body, max);
            }
            await next(context);
        });
}
