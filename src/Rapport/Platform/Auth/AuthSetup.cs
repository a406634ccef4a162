using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.Data;

namespace Rapport.Platform.Auth;

public static class AuthSetup
{
    public const string ApiPolicy = "Api";

    public static IServiceCollection AddRapportAuth(this IServiceCollection services)
    {
        services.AddIdentity<RapportUser, IdentityRole<Guid>>(o =>
            {
                // NIST SP 800-63B: length, not composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<RapportDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<RapportClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "rapport.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
        });
        // A deactivated user or a changed role takes effect within a minute, on every node.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        services.AddScoped<CurrentActor>();
        services.AddScoped<RecordAccess>();
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<SessionValidator>();
        return services;
    }

    /// <summary>Every request names its actor for permission checks and the audit trail.</summary>
    public static IApplicationBuilder UseCurrentActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var api = context.Request.Path.StartsWithSegments("/api");
            var principal = context.User;
            if (api)
            {
                // /api authenticates with API keys only; the UI cookie is never accepted there, so a
                // browser session cannot be ridden by a cross-site request.
                var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
                principal = result.Principal ?? new ClaimsPrincipal(new ClaimsIdentity());
            }
            context.RequestServices.GetRequiredService<CurrentActor>().Set(principal, api ? "api" : "ui");
            await next(context);
        });
}

/// <summary>Adds the display name to the cookie principal so the UI and the audit trail can show it.</summary>
public sealed class RapportClaimsFactory(UserManager<RapportUser> users, RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<RapportUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RapportUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(RapportClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
