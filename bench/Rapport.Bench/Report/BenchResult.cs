using Rapport.Bench.Load;

namespace Rapport.Bench.Report;

/// <summary>Everything one provider × scale run measured; saved as JSON in bench/results/ and rendered into docs/benchmarks.md.</summary>
public sealed record BenchResult
{
    public required string Provider { get; init; }
    public required int Contacts { get; init; }
    public required int Companies { get; init; }
    public required DateTime StartedAt { get; init; }
    public required string Command { get; init; }
    public string? Label { get; init; }
    public required MachineInfo Machine { get; init; }
    public required double[] LoadAverageBefore { get; init; }
    public required double[] LoadAverageAfter { get; init; }
    public required LoadSettings Load { get; init; }
    public required ImportFigures Import { get; init; }

    /// <summary>The activities (5 per contact) loaded through the product's ActivityImporter; null in runs made before they existed.</summary>
    public ActivityImportFigures? Activities { get; init; }
    public required WrkResult ConstantJson { get; init; }
    public required WrkResult RawGetById { get; init; }
    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }
    public required double ServerPeakRssMb { get; init; }
    public IReadOnlyList<string> Pending { get; init; } = Scenario.Pending;

    public string ScaleName => BenchOptions.ScaleName(Contacts);
}

public sealed record LoadSettings(double DurationSeconds, int Connections, int Threads);

public sealed record ImportFigures(
    long Rows, long AuditRows, double GenerateSeconds,
    double ProductSeconds, double ProductRowsPerSecond,
    double RawSeconds, double RawRowsPerSecond)
{
    public double Ratio => RawRowsPerSecond > 0 ? ProductRowsPerSecond / RawRowsPerSecond : 0;
}

public sealed record ActivityImportFigures(long Rows, long LinkRows, double Seconds, double RowsPerSecond);

/// <summary>One scenario's run at the configured connections, and for latency targets one at a time (null otherwise and in older runs).</summary>
public sealed record ScenarioResult(string Name, string Description, WrkResult Result, WrkResult? OneConnection = null);

/// <summary>
/// The machine of a run. MemoryReclaim says what the kernel does to memory left untouched, when it reclaims it
/// proactively (null when it does not; results from before 2026-12-07 did not record it). HugePagesGb is the memory
/// set aside as huge pages when the run started: PostgreSQL's shared buffers on a PostgreSQL run, and on a SQLite run
/// memory the page cache could not use (null in results made before it was recorded).
/// </summary>
public sealed record MachineInfo(string Cpu, int Cores, double MemoryGb, string Os, string Dotnet, string Database,
    string? MemoryReclaim = null, double? HugePagesGb = null);
