using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Rapport.Platform.Api.Idempotency;

namespace Rapport.Platform.Api;

/// <summary>Document-wide parts of the OpenAPI description: title, and the bearer API-key scheme.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Rapport API",
            Version = "v1",
            Description = "The Rapport CRM REST API. Authenticate with an API key: 'Authorization: Bearer <key>'. " +
                          "Lists take filter, sort, q, limit and cursor; errors are RFC 9457 problem documents. See docs/api.md.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key created under Settings → API keys, or with 'rapport api-key create'.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}

/// <summary>Per-operation headers: Idempotency-Key on POSTs that honour it, If-Match on writes.</summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var method = context.Description.HttpMethod;
        operation.Parameters ??= [];
        if (metadata.OfType<IdempotentEndpoint>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.Header,
                In = ParameterLocation.Header,
                Description = "Retry-safe POST: the same key and body return the first response; a different body is a 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
        if (method is "PATCH" or "DELETE")
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The ETag you read; a stale one is refused with 412.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }
}
