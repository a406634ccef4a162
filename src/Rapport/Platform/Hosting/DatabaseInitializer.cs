using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Activities.Demo;
using Rapport.Contacts.Demo;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.CustomFields;
using Rapport.Platform.Data;
using Rapport.Platform.Search;

namespace Rapport.Platform.Hosting;

/// <summary>Brings a database to the current schema, and fills a new one with roles, the first admin and the demo.</summary>
public sealed class DatabaseInitializer(RapportDb db, UserAdministration users, UserManager<RapportUser> userManager,
    DemoSeeder demo, ActivityDemoSeeder activityDemo, CurrentActor actor, IOptions<RapportOptions> options, IConfiguration configuration)
{
    public const string DefaultAdminEmail = "admin@rapport.local";

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run beside the one writer; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
        if (db.Provider == DatabaseProvider.Sqlite) await SqliteFtsSetup.EnsureAsync(db, ct);
        // Fields defined before their statistics existed (or restored from a backup without them); ANALYZE is left
        // to autovacuum, as it would take a while on a large table at every start.
        await CustomFieldStatistics.EnsureAsync(db, await db.CustomFieldDefinitions.AsNoTracking().ToListAsync(ct), analyze: false, ct);
        await users.EnsureRolesAsync(ct);
    }

    /// <summary>Creates the first admin when there is no user at all; returns its generated password.</summary>
    public async Task<(string Email, string Password)?> EnsureFirstAdminAsync(CancellationToken ct)
    {
        if (await userManager.Users.AnyAsync(ct)) return null;
        actor.Set(CurrentActor.System, "setup");
        var email = configuration["Rapport:Admin:Email"] ?? DefaultAdminEmail;
        var password = configuration["Rapport:Admin:Password"] ?? UserAdministration.GeneratePassword();
        await users.EnsureUserAsync(email, "Administrator", Roles.Admin, password, ct);
        return (email, password);
    }

    public async Task<bool> SeedDemoAsync(CancellationToken ct)
    {
        if (!options.Value.Demo.Seed || !await demo.SeedAsync(ct)) return false;
        await activityDemo.SeedAsync(ct);
        return true;
    }
}
