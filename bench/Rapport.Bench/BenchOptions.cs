using System.Globalization;
using Rapport.Platform.Data;

namespace Rapport.Bench;

/// <summary>What one benchmark run does; parsed from the command line (see scripts/bench.sh).</summary>
public sealed record BenchOptions
{
    public IReadOnlyList<int> Scales { get; init; } = [10_000];
    public IReadOnlyList<DatabaseProvider> Providers { get; init; } = [DatabaseProvider.Sqlite];

    /// <summary>Server-level connection string (no database) of a PostgreSQL the run may create databases in.</summary>
    public string? Postgres { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public int Connections { get; init; } = 16;
    public int Threads { get; init; } = 1;

    /// <summary>Repository root: wrk scripts, the server build, docs/ and bench/results/ are found from here.</summary>
    public string Root { get; init; } = RepoRoot.Find();

    public string? ResultsOverride { get; init; }

    public string ResultsDirectory => ResultsOverride ?? Path.Combine(Root, "bench", "results");
    public string? Markdown { get; init; }
    public string Command { get; init; } = "scripts/bench.sh";

    /// <summary>Free text recorded with the run (e.g. "before the API-key cache").</summary>
    public string? Label { get; init; }

    /// <summary>Keep the product database after the run and print how to reach it.</summary>
    public bool Keep { get; init; }

    /// <summary>
    /// Only these scenarios (an investigation, e.g. under a profiler): nothing is saved and docs/benchmarks.md is
    /// left alone, since a partial run would replace a complete one as the newest.
    /// </summary>
    public IReadOnlyList<string>? Scenarios { get; init; }

    /// <summary>Only re-render docs/benchmarks.md from the saved results (after editing bench/notes.md).</summary>
    public bool ReportOnly { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions
        {
            Command = "scripts/bench.sh " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)),
        };
        options = options with { Markdown = Path.Combine(options.Root, "docs", "benchmarks.md") };
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : "";
            switch (args[i])
            {
                case "--contacts": options = options with { Scales = value.Split(',').Select(ParseScale).ToList() }; i++; break;
                case "--provider":
                    options = options with
                    {
                        Providers = value switch
                        {
                            "sqlite" => [DatabaseProvider.Sqlite],
                            "postgres" => [DatabaseProvider.Postgres],
                            "both" => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
                            _ => throw new ArgumentException("--provider is sqlite, postgres or both"),
                        },
                    };
                    i++;
                    break;
                case "--postgres": options = options with { Postgres = value }; i++; break;
                case "--duration": options = options with { Duration = TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture)) }; i++; break;
                case "--connections": options = options with { Connections = int.Parse(value, CultureInfo.InvariantCulture) }; i++; break;
                case "--threads": options = options with { Threads = int.Parse(value, CultureInfo.InvariantCulture) }; i++; break;
                case "--label": options = options with { Label = value }; i++; break;
                case "--keep": options = options with { Keep = true }; break;
                case "--scenarios":
                    var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    var unknown = names.Except(Load.Scenario.All.Select(s => s.Name)).ToList();
                    if (unknown.Count > 0)
                        throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}; known: {string.Join(", ", Load.Scenario.All.Select(s => s.Name))}");
                    options = options with { Scenarios = names, Markdown = null };
                    i++;
                    break;
                case "--report-only": options = options with { ReportOnly = true }; break;
                case "--no-markdown": options = options with { Markdown = null }; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }
        if (options.ReportOnly) return options;
        if (options.Providers.Contains(DatabaseProvider.Postgres) && string.IsNullOrEmpty(options.Postgres))
            options = options with { Postgres = Environment.GetEnvironmentVariable("RAPPORT_BENCH_POSTGRES") };
        if (options.Providers.Contains(DatabaseProvider.Postgres) && string.IsNullOrEmpty(options.Postgres))
            throw new ArgumentException("PostgreSQL runs need --postgres or RAPPORT_BENCH_POSTGRES (scripts/bench.sh starts one).");
        return options;
    }

    /// <summary>10k, 100k, 1M or a plain number.</summary>
    public static int ParseScale(string text)
    {
        text = text.Trim().ToLowerInvariant();
        var factor = text.EndsWith('k') ? 1_000 : text.EndsWith('m') ? 1_000_000 : 1;
        return (int)(double.Parse(factor == 1 ? text : text[..^1], CultureInfo.InvariantCulture) * factor);
    }

    public static string ScaleName(int contacts) => contacts switch
    {
        >= 1_000_000 when contacts % 1_000_000 == 0 => $"{contacts / 1_000_000}M",
        >= 1_000 when contacts % 1_000 == 0 => $"{contacts / 1_000}k",
        _ => contacts.ToString(CultureInfo.InvariantCulture),
    };
}

internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository (Rapport.slnx not found above the binary).");
    }
}
