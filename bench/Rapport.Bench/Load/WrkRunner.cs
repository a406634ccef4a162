using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Rapport.Bench.Load;

/// <summary>What wrk measured for one scenario. Latencies in milliseconds.</summary>
public sealed record WrkResult(
    long Requests, double Seconds, double RequestsPerSecond, double MeanMs, double P50Ms, double P95Ms, double P99Ms,
    double MaxMs, long Errors);

/// <summary>Runs the Debian wrk against a URL with one of the Lua scenarios in bench/wrk.</summary>
public sealed class WrkRunner(string wrkDirectory, string inputDirectory, TimeSpan duration, int connections, int threads)
{
    /// <summary>The same runner with one connection: requests one at a time, as one person waiting for each answer.</summary>
    public WrkRunner OneConnection() => new(wrkDirectory, inputDirectory, duration, connections: 1, threads: 1);

    public async Task<WrkResult> RunAsync(string baseUrl, string script, string? apiKey, IDictionary<string, string>? environment, CancellationToken ct) =>
        await RunAsync(baseUrl, script, apiKey, environment, duration, ct);

    /// <summary>
    /// Short unrecorded runs first, so JIT, caches and connection pools settle before the measured one. A scenario's
    /// first requests on a freshly started machine can take a second or more (970 ms seen, bench/notes.md item 30),
    /// and a server that has only served reads still compiles its write path during its first writes: stalls of
    /// 300–500 ms for every connection in a create's first two seconds (item 40). So the warm-up repeats, a few
    /// times at most, until a round is <see cref="Settled"/>.
    /// </summary>
    public async Task<WarmUp> WarmUpAsync(string baseUrl, string script, string? apiKey, IDictionary<string, string>? environment, CancellationToken ct)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["BENCH_PATCH_FILE"] = "patch-warmup-ids.txt" };
        var length = TimeSpan.FromSeconds(Math.Max(1, duration.TotalSeconds / 3));
        WrkResult? previous = null;
        var warm = await RunAsync(baseUrl, script, apiKey, env, length, ct);
        var rounds = 1;
        while (!Settled(previous, warm, connections) && rounds < MaxWarmUpRounds)
        {
            previous = warm;
            warm = await RunAsync(baseUrl, script, apiKey, env, length, ct);
            rounds++;
        }
        return new WarmUp(warm, rounds, Settled(previous, warm, connections));
    }

    /// <summary>How a warm-up went: its last round, how many rounds it took, and whether it settled.</summary>
    public sealed record WarmUp(WrkResult Last, int Rounds, bool Warm);

    private const int MaxWarmUpRounds = 6;

    /// <summary>
    /// The server is warm when a round got every connection through a few requests and its p95 is no longer falling:
    /// within a quarter of the round before. The first round alone never settles, because a round that completed
    /// enough requests can still have spent its first half compiling (item 40).
    /// </summary>
    public static bool Settled(WrkResult? previous, WrkResult latest, int connections) =>
        previous is not null && latest.Requests >= 4L * connections && latest.P95Ms * 1.25 >= previous.P95Ms;

    private async Task<WrkResult> RunAsync(string baseUrl, string script, string? apiKey, IDictionary<string, string>? environment,
        TimeSpan length, CancellationToken ct)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{Math.Max(1, (int)length.TotalSeconds)}s", "--timeout", "10s",
                     "-s", Path.Combine(wrkDirectory, script), baseUrl,
                 })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["RAPPORT_WRK_DIR"] = wrkDirectory;
        start.Environment["BENCH_INPUT"] = inputDirectory;
        start.Environment["BENCH_KEY"] = apiKey ?? "";
        start.Environment["BENCH_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: is it installed?");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH_JSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk {script} printed no summary (exit {process.ExitCode}): {output} {await stderr}");
        var raw = JsonSerializer.Deserialize<WrkSummary>(line["BENCH_JSON ".Length..], Json)!;
        var seconds = raw.DurationUs / 1e6;
        return new WrkResult(raw.Requests, Math.Round(seconds, 2), Math.Round(raw.Requests / seconds, 1), Ms(raw.MeanUs),
            Ms(raw.P50Us), Ms(raw.P95Us), Ms(raw.P99Us), Ms(raw.MaxUs),
            raw.ConnectErrors + raw.ReadErrors + raw.WriteErrors + raw.StatusErrors + raw.Timeouts);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static double Ms(double us) => Math.Round(us / 1000, 2);

    private sealed record WrkSummary(long Requests, long DurationUs, long ConnectErrors, long ReadErrors, long WriteErrors,
        long StatusErrors, long Timeouts, double MeanUs, double P50Us, double P95Us, double P99Us, double MaxUs);
}
