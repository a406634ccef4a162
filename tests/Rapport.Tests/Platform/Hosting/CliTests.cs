using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.Users;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform.Hosting;

/// <summary>The operator commands as an operator runs them: the real binary in its own process, against the app's database.</summary>
public abstract class CliTests(RapportApp app)
{
    [Fact]
    public async Task CreateAdmin_ThenTheAdminSignsIn_AndApiKeyCreate_PrintsOnlyAWorkingKey()
    {
        var email = $"ops-{Guid.NewGuid():N}@tests.local";
        var admin = await RunAsync("create-admin", "--email", email, "--password", "operator password 1");
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        Assert.Equal("", admin.Stdout.Trim());
        await app.SignInAsync(email, "operator password 1");
        var summary = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<UserAdministration>().ListAsync(default)).Single(u => u.Email == email));
        Assert.Equal(Roles.Admin, summary.Role);

        var key = await RunAsync("api-key", "create", "--user", email, "--name", "backup script", "--scope", "read");
        Assert.True(key.ExitCode == 0, key.Stderr);
        var printed = key.Stdout.Trim();
        Assert.Single(printed.Split('\n'));
        Assert.StartsWith("rpk_", printed);

        var client = app.ClientWithKey(printed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/companies")).StatusCode);
        await (await client.PostJsonAsync("/api/v1/companies", new { name = "Read key Ltd" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateAdmin_ForAnExistingUser_ResetsTheirPasswordAndMakesThemAdmin()
    {
        var user = await app.CreateUserAsync(Roles.ReadOnly);
        var result = await RunAsync("create-admin", "--email", user.Email, "--password", "recovered password");
        Assert.True(result.ExitCode == 0, result.Stderr);

        await app.SignInAsync(user.Email, "recovered password");
        var summary = await app.WithServicesAsync(sp => sp.GetRequiredService<UserAdministration>().FindAsync(user.Id, default));
        Assert.Equal(Roles.Admin, summary!.Role);
    }

    [Fact]
    public async Task CreateAdmin_WithShortPassword_FailsAndSaysWhy()
    {
        var email = $"short-{Guid.NewGuid():N}@tests.local";
        var result = await RunAsync("create-admin", "--email", email, "--password", "short");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("12", result.Stderr);
        var users = await app.WithServicesAsync(sp => sp.GetRequiredService<UserAdministration>().ListAsync(default));
        Assert.DoesNotContain(users, u => u.Email == email);
    }

    [Fact]
    public async Task ApiKeyCreate_ForUnknownUser_FailsWithNothingOnStdout()
    {
        var result = await RunAsync("api-key", "create", "--user", "nobody@tests.local", "--name", "x");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.Stdout.Trim());
        Assert.Contains("nobody@tests.local", result.Stderr);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(configuration["Rapport:DataDirectory"]!);
        start.Environment["Rapport__Database__Provider"] = app.Provider.ToString();
        start.Environment["ConnectionStrings__Rapport"] = configuration.GetConnectionString("Rapport");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

public sealed class SqliteCliTests(SqliteApp app) : CliTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCliTests(PostgresApp app) : CliTests(app), IClassFixture<PostgresApp>;
