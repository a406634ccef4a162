using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Rapport.Bench.Data;

namespace Rapport.Bench.Load;

/// <summary>The real server (the product's Release build) as its own process on loopback, so its memory is its own.</summary>
public sealed class RapportServer : IAsyncDisposable
{
    private readonly Process process;

    private RapportServer(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => process.Id;

    public static async Task<RapportServer> StartAsync(string root, BenchDatabase database, CancellationToken ct)
    {
        var configuration = typeof(RapportServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";
        var dll = Path.Combine(root, "src", "Rapport", "bin", configuration, "net10.0", "rapport.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the product first (dotnet build -c {configuration}).", dll);
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        foreach (var (key, value) in ProductHost.Settings(database))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Short runs on a busy machine would otherwise measure tier-0 code: the background JIT that promotes hot
        // methods starves (2.4x fewer get-by-id requests measured). scripts/bench.sh sets the same for the raw baselines.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RapportServer(process, url);
        await WaitReadyAsync(url + "/health/ready", process, ct);
        return server;
    }

    /// <summary>Peak resident memory of the server so far (VmHWM), in MB.</summary>
    public double PeakRssMb() => ReadStatusKb(process.Id, "VmHWM:") / 1024.0;

    public static double ReadStatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return double.NaN;
    }

    public static async Task WaitReadyAsync(string url, Process? process, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process is { HasExited: true }) throw new InvalidOperationException($"The server exited with {process.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(new Uri(url), ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // slow start
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"{url} did not become ready.");
    }

    public static int FreePort()
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
    }
}
