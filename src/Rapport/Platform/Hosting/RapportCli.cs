using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.ApiKeys;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.Data;

namespace Rapport.Platform.Hosting;

/// <summary>
/// Operator commands in the same binary: <c>rapport migrate | seed | create-admin | api-key create</c>.
/// Anything else starts the server, with <c>--data-dir</c> and <c>--no-demo</c> understood there too.
/// </summary>
public static class RapportCli
{
    private static readonly string[] Commands = ["migrate", "seed", "create-admin", "api-key", "--help", "-h", "-?"];

    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> createApp)
    {
        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            await createApp(HostArguments(args)).RunAsync();
            return 0;
        }
        return await BuildCommands(createApp).Parse(args).InvokeAsync();
    }

    /// <summary>Turns the friendly flags into configuration keys; everything else passes through.</summary>
    public static string[] HostArguments(IReadOnlyList<string> args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--no-demo") result.Add("--Rapport:Demo:Seed=false");
            else if (args[i] == "--data-dir" && i + 1 < args.Count) result.Add($"--Rapport:DataDirectory={args[++i]}");
            else if (args[i].StartsWith("--data-dir=", StringComparison.Ordinal)) result.Add($"--Rapport:DataDirectory={args[i]["--data-dir=".Length..]}");
            else result.Add(args[i]);
        }
        return [.. result];
    }

    private static RootCommand BuildCommands(Func<string[], WebApplication> createApp)
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Where the SQLite file and uploads live (default: data/).", Recursive = true };
        var root = new RootCommand("Rapport CRM. Without a command, serves the web app and API.") { dataDir };

        var migrate = new Command("migrate", "Apply database migrations and exit.");
        migrate.SetAction((parse, ct) => WithScopeAsync(createApp, parse.GetValue(dataDir), async (sp, _) =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            await Console.Error.WriteLineAsync("Database is up to date.");
            return 0;
        }, ct));

        var seed = new Command("seed", "Create the demo workspace in an empty database.");
        seed.SetAction((parse, ct) => WithScopeAsync(createApp, parse.GetValue(dataDir), async (sp, _) =>
        {
            var seeded = await sp.GetRequiredService<Contacts.Demo.DemoSeeder>().SeedAsync(ct);
            if (seeded) await sp.GetRequiredService<Activities.Demo.ActivityDemoSeeder>().SeedAsync(ct);
            await Console.Error.WriteLineAsync(seeded ? "Demo workspace created." : "The database already holds records; nothing seeded.");
            return 0;
        }, ct));

        var email = new Option<string>("--email") { Description = "The admin's email (login).", Required = true };
        var password = new Option<string>("--password") { Description = "At least 12 characters.", Required = true };
        var createAdmin = new Command("create-admin", "Create an admin, or reset an existing user's password and make them admin.") { email, password };
        createAdmin.SetAction((parse, ct) => WithScopeAsync(createApp, parse.GetValue(dataDir), async (sp, _) =>
        {
            var address = parse.GetValue(email)!;
            await sp.GetRequiredService<UserAdministration>()
                .EnsureUserAsync(address, address.Split('@')[0], Roles.Admin, parse.GetValue(password)!, ct);
            await Console.Error.WriteLineAsync($"Admin {address} is ready.");
            return 0;
        }, ct));

        var user = new Option<string>("--user") { Description = "Email of the user the key acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "A name to recognise the key by.", Required = true };
        var scope = new Option<string>("--scope") { Description = "read or read-write.", DefaultValueFactory = _ => ApiKeyScope.ReadWrite };
        scope.AcceptOnlyFromAmong(ApiKeyScope.Read, ApiKeyScope.ReadWrite);
        var create = new Command("create", "Create an API key; prints only the key on stdout.") { user, name, scope };
        create.SetAction((parse, ct) => WithScopeAsync(createApp, parse.GetValue(dataDir), async (sp, _) =>
        {
            var login = parse.GetValue(user)!;
            var normalized = login.Trim().ToUpperInvariant();
            var owner = await sp.GetRequiredService<RapportDb>().Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (owner is null)
            {
                await Console.Error.WriteLineAsync($"No user with email {login}.");
                return 2;
            }
            var key = await sp.GetRequiredService<ApiKeyService>().CreateAsync(owner.Id, parse.GetValue(name)!, parse.GetValue(scope)!, ct);
            Console.WriteLine(key.Key);
            return 0;
        }, ct));
        var apiKey = new Command("api-key", "Manage API keys.") { create };

        root.Subcommands.Add(migrate);
        root.Subcommands.Add(seed);
        root.Subcommands.Add(createAdmin);
        root.Subcommands.Add(apiKey);
        return root;
    }

    private static async Task<int> WithScopeAsync(Func<string[], WebApplication> createApp, string? dataDir,
        Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        // Logs go to stderr and only when they matter: stdout carries the command's answer (an API key).
        var hostArgs = new List<string> { "--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace" };
        if (dataDir is not null) hostArgs.Add($"--Rapport:DataDirectory={dataDir}");
        await using var app = createApp([.. hostArgs]);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(CurrentActor.System, "cli");
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            return await action(scope.ServiceProvider, ct);
        }
        catch (Api.RequestValidationException e)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine,
                e.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))));
            return 2;
        }
    }
}
