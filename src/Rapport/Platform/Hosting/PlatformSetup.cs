using Microsoft.AspNetCore.DataProtection;
using Rapport.Platform.Api;
using Rapport.Platform.Api.Idempotency;
using Rapport.Platform.Auth;
using Rapport.Platform.Data;
using Rapport.Platform.Email;

namespace Rapport.Platform.Hosting;

/// <summary>What every module stands on: data, auth, API conventions, health and start-up.</summary>
public static class PlatformSetup
{
    public static IServiceCollection AddRapportPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RapportOptions>(configuration.GetSection(RapportOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Text.MarkdownRenderer>();
        services.AddRapportData(configuration);
        // Keys live in the database so every app node can read every other node's cookies and cursors.
        services.AddDataProtection().SetApplicationName("Rapport").PersistKeysToDbContext<RapportDb>();
        services.AddRapportAuth();
        services.AddRapportApi();
        services.AddRapportHealth();
        services.AddEmail();
        services.AddScoped<DatabaseInitializer>();
        services.AddHostedService<StartupTasks>();
        return services;
    }

    public static WebApplication UseRapportPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Unknown UI addresses render the not-found page (keeping the 404) instead of an empty response. It must not
        // sit in a UseWhen branch: a branch has no global route builder, so the re-executed request would match
        // nothing. /api answers first with its own problem document, which leaves nothing for this one to do.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseApiBodyLimit();
        app.UseIdempotencyBuffering();
        app.UseAuthentication();
        app.UseCurrentActor();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRapportHealth();
        return app;
    }
}
