using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Rapport.Platform.Auth;
using Rapport.Platform.Ui.Records;

namespace Rapport.Platform.Ui;

public static class UiSetup
{
    public static IServiceCollection AddRapportUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingSessionStateProvider>();
        services.AddScoped<CircuitHandler, CircuitActor>();
        services.AddMudServices();
        // Circuit-scoped helpers; each opens its own DI scope per operation (see RecordOperations).
        services.AddScoped<RecordOperations>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<ColumnPreferences>();
        return services;
    }

    public static WebApplication MapRapportUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost("/account/logout", async (SignInManager<RapportUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return app;
    }
}
