using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Data;

namespace Rapport.Platform.Api.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on POST: the same key with the same request replays the first response;
/// the same key with a different request is a 422; a retry while the first is still running is a 409.
/// Records are kept per caller for 24 hours.
/// </summary>
public sealed class IdempotencyFilter(IServiceScopeFactory scopes, TimeProvider clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > 255) throw RequestValidationException.For(Header, "Idempotency-Key must be at most 255 characters.");

        var owner = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var hash = await RequestHashAsync(http.Request);
        var now = Timestamps.UtcNow(clock);

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            var existing = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.Owner == owner && r.Key == key, http.RequestAborted);
            if (existing is not null && existing.CreatedAt < now - Retention)
            {
                db.IdempotencyRecords.Remove(existing);
                await db.SaveChangesAsync(http.RequestAborted);
                existing = null;
            }
            if (existing is not null)
            {
                if (existing.RequestHash != hash)
                    throw new UnprocessableException("This Idempotency-Key was already used with a different request. Use a new key for a new request.");
                if (existing.StatusCode == 0)
                    throw new ConflictException("A request with this Idempotency-Key is still being processed. Retry shortly.");
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return new ReplayResult(existing);
            }
            db.IdempotencyRecords.Add(new IdempotencyRecord { Owner = owner, Key = key, RequestHash = hash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                throw new ConflictException("A request with this Idempotency-Key is still being processed. Retry shortly.");
            }
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            // Nothing was done (the handler failed before committing): a retry should run for real.
            await SaveOutcomeAsync(owner, key, null, null);
            throw;
        }
        if (result is not IResult response) return result;

        // Run the result into a buffer so the outcome is stored before the client sees it: a retry that
        // races the first response then finds the record complete, never "in progress".
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await response.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        await SaveOutcomeAsync(owner, key, http.Response, buffer.ToArray());
        await original.WriteAsync(buffer.ToArray(), http.RequestAborted);
        return Results.Empty;
    }

    private async Task SaveOutcomeAsync(string owner, string key, HttpResponse? response, byte[]? body)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var record = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.Owner == owner && r.Key == key);
        if (record is null) return;
        if (response is null || response.StatusCode >= 500)
        {
            db.IdempotencyRecords.Remove(record);
        }
        else
        {
            record.StatusCode = response.StatusCode;
            record.ContentType = response.ContentType;
            record.Location = response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
            record.ETag = response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null;
            record.Body = body;
        }
        await db.SaveChangesAsync();
    }

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            hasher.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hasher.GetHashAndReset());
    }

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = record.StatusCode;
            if (record.ContentType is not null) httpContext.Response.ContentType = record.ContentType;
            if (record.Location is not null) httpContext.Response.Headers.Location = record.Location;
            if (record.ETag is not null) httpContext.Response.Headers.ETag = record.ETag;
            if (record.Body is { Length: > 0 }) await httpContext.Response.Body.WriteAsync(record.Body);
        }
    }
}

/// <summary>Buffers request bodies of POSTs that carry an Idempotency-Key, so the filter can hash them after binding.</summary>
public static class IdempotencyBuffering
{
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(IdempotencyFilter.Header))
                context.Request.EnableBuffering();
            await next(context);
        });
}
