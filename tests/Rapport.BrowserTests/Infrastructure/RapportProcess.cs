using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Rapport.BrowserTests.Infrastructure;

/// <summary>
/// The real Rapport server, started as an operator would start it: the built rapport.dll of the same
/// configuration as these tests, on a free loopback port, with its own data directory and SQLite file,
/// the demo workspace seeded, a known first admin, and email sent through the tests' SMTP server.
/// </summary>
public sealed class RapportProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@browser.test";
    public const string AdminPassword = "browser-test-password";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string dataDirectory;

    private RapportProcess(Process process, string dataDirectory, Uri baseAddress)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the server wrote so far, to explain a failure.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public static async Task<RapportProcess> StartAsync(int smtpPort)
    {
        var dll = AppDll();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "rapport-browser-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        // Production, as operators run it: Program.cs calls UseStaticWebAssets, so blazor.web.js and the
        // MudBlazor assets are served from the build output without publishing.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Rapport__DataDirectory"] = Path.Combine(dataDirectory, "data");
        start.Environment["Rapport__Database__Provider"] = "Sqlite";
        start.Environment["Rapport__Demo__Seed"] = "true";
        start.Environment["Rapport__Admin__Email"] = AdminEmail;
        start.Environment["Rapport__Admin__Password"] = AdminPassword;
        start.Environment["ConnectionStrings__Rapport"] = "";
        start.Environment["Rapport__PublicUrl"] = baseAddress.ToString();
        start.Environment["Rapport__Smtp__Host"] = "127.0.0.1";
        start.Environment["Rapport__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Rapport__Smtp__UseTls"] = "false";
        start.Environment["Rapport__Smtp__From"] = "Rapport <crm@browser.test>";
        start.Environment["Rapport__Smtp__PollSeconds"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var server = new RapportProcess(process, dataDirectory, baseAddress);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited) throw new InvalidOperationException($"Rapport exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy migrating or seeding
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Rapport did not become ready:\n{Output}");
    }

    /// <summary>The rapport.dll built beside these tests: src/Rapport/bin/&lt;Configuration&gt;/&lt;tfm&gt;/.</summary>
    private static string AppDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Rapport.slnx"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No Rapport.slnx above {here.FullName}.");
        var configuration = typeof(RapportProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var tfm = here.Name; // tests/Rapport.BrowserTests/bin/<Configuration>/<tfm>/
        var dll = Path.Combine(root.FullName, "src", "Rapport", "bin", configuration, tfm, "rapport.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/Rapport in {configuration} first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp directory is cleaned eventually
        }
    }
}
