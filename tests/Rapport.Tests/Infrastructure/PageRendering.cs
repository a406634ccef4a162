using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using Rapport.Platform.Auth;
using Rapport.Platform.Ui.Records;

namespace Rapport.Tests.Infrastructure;

/// <summary>
/// Renders interactive pages (which the server does not prerender) as the signed-in user, against the real
/// app's services and database: bUnit plays the circuit, <see cref="RecordOperations"/> the per-operation scopes.
/// </summary>
public static class PageRendering
{
    public static async Task<BunitContext> PageContextAsync(this RapportApp app, Guid userId)
    {
        var principal = await app.ActingAsAsync(userId, sp => Task.FromResult(sp.GetRequiredService<CurrentActor>().Principal));
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = context.Services;
        services.AddMudServices();
        // What AuthorizeView sees: bUnit's authorization double, given the real principal's name, claims and roles.
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(principal.Identity!.Name!);
        authorization.SetClaims([.. principal.Claims.Where(c => c.Type is not ClaimTypes.Role and not ClaimTypes.Name)]);
        authorization.SetRoles([.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        // What services see: the real principal, through the page's operations.
        var actor = new CurrentActor();
        actor.Set(principal, "ui");
        services.AddSingleton(actor);
        services.AddSingleton(new RecordOperations(app.Services.GetRequiredService<IServiceScopeFactory>(), actor,
            NullLogger<RecordOperations>.Instance));
        services.AddFallbackServiceProvider(app.Services);
        return context;
    }

    /// <summary>Dialogs and menus render into these providers, as MainLayout's do in the app.</summary>
    public static IRenderedComponent<MudDialogProvider> RenderProviders(this BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        return context.Render<MudDialogProvider>();
    }
}
