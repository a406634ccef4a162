using Rapport.Bench.Load;
using Rapport.Bench.Report;
using Rapport.Platform.Data;
using Xunit.Abstractions;

namespace Rapport.Bench.Tests;

/// <summary>
/// A whole benchmark run at a small scale: every table row is produced and every figure is a well-formed number.
/// Speed is never asserted — the machine running the suite is shared. The run's log (every figure and how each
/// warm-up went) goes to the test output, so a failure in CI shows what the run saw.
/// </summary>
public abstract class BenchRunTests(DatabaseProvider provider, ITestOutputHelper output)
{
    private const int Contacts = 2_000;

    [Fact]
    public async Task Run_AtSmallScale_ProducesEveryFigureAndEveryReportRow()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rapport-bench-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var log = new StringWriter();
        var options = new BenchOptions
        {
            Scales = [Contacts],
            Providers = [provider],
            Postgres = TestDatabases.ServerFor(provider),
            Duration = TimeSpan.FromSeconds(1),
            Connections = 2,
            ResultsOverride = directory,
            Markdown = Path.Combine(directory, "benchmarks.md"),
            Command = "bench test",
        };
        try
        {
            var results = await new BenchRun(options, log).RunAsync(CancellationToken.None);

            var result = Assert.Single(results);
            Assert.Equal(Contacts, result.Contacts);
            Assert.Equal(Contacts / 10, result.Companies);
            Assert.Equal(Contacts + Contacts / 10, result.Import.Rows);
            Assert.Equal(result.Import.Rows, result.Import.AuditRows);
            Assert.True(result.Import.ProductRowsPerSecond > 0 && result.Import.RawRowsPerSecond > 0);
            var activities = Assert.IsType<ActivityImportFigures>(result.Activities);
            Assert.Equal(Contacts * 5, activities.Rows);
            Assert.True(activities.LinkRows > activities.Rows && activities.RowsPerSecond > 0); // contact + company links
            Assert.Equal(Scenario.All.Select(s => s.Name), result.Scenarios.Select(s => s.Name));
            WellFormed(result.ConstantJson, "constant JSON");
            WellFormed(result.RawGetById, "raw get-by-id");
            foreach (var scenario in result.Scenarios) WellFormed(scenario.Result, scenario.Name);
            foreach (var scenario in Scenario.All)
            {
                var alone = result.Scenarios.Single(s => s.Name == scenario.Name).OneConnection;
                if (scenario.LatencyTarget) WellFormed(alone ?? throw new Xunit.Sdk.XunitException($"{scenario.Name}: no one-connection run"), $"{scenario.Name} x1");
                else Assert.Null(alone);
            }
            Assert.True(result.ServerPeakRssMb > 0);
            Assert.Equal(3, result.LoadAverageBefore.Length);

            var saved = Assert.Single(ResultStore.All(directory));
            Assert.Equal(result.Scenarios.Count, saved.Scenarios.Count);

            var markdown = await File.ReadAllTextAsync(options.Markdown);
            Assert.Contains("| raw bulk insert (baseline) |", markdown);
            Assert.Contains("| product import (`ContactImporter`", markdown);
            Assert.Contains("| activities (`ActivityImporter`", markdown);
            Assert.Contains("global search p95", markdown);
            Assert.Contains("| constant JSON, bare Kestrel (baseline) |", markdown);
            Assert.Contains("| raw ADO.NET PK lookup behind Kestrel (baseline) |", markdown);
            foreach (var scenario in Scenario.All)
            {
                Assert.Contains($"| {scenario.Name}: ", markdown);
                Assert.Contains($"| {scenario.Name} | ", markdown);
            }
            Assert.Contains("## How p95 grows with the data", markdown);
            Assert.Contains("one request at a time (p95 in ms)", markdown);
            Assert.Contains("| list/filter/q worst p95 (< 25 ms at 1M): concurrent | one at a time |", markdown);
            Assert.Contains("## Not measured yet", markdown);
            Assert.DoesNotContain("NaN", markdown);

            // Memory reserved as huge pages is recorded; on SQLite, where nothing uses it, the report says so.
            Assert.True(result.Machine.HugePagesGb is >= 0);
            var reserved = result with { Machine = result.Machine with { HugePagesGb = 6.4 } };
            var warned = MarkdownReport.Render([reserved], directory).Contains("6.4 GB of RAM was reserved as huge pages", StringComparison.Ordinal);
            Assert.Equal(provider == DatabaseProvider.Sqlite, warned);
        }
        finally
        {
            output.WriteLine(log.ToString());
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WellFormed(WrkResult r, string what)
    {
        Assert.True(r.Requests > 0, $"{what}: no requests completed");
        Assert.True(r.Errors == 0, $"{what}: {r.Errors} errors");
        foreach (var v in new[] { r.Seconds, r.RequestsPerSecond, r.MeanMs, r.P50Ms, r.P95Ms, r.P99Ms, r.MaxMs })
            Assert.True(double.IsFinite(v) && v >= 0, $"{v} is not a figure");
        Assert.True(r.P50Ms <= r.P95Ms && r.P95Ms <= r.P99Ms && r.P99Ms <= r.MaxMs, "percentiles out of order");
    }
}

public sealed class SqliteBenchRunTests(ITestOutputHelper output) : BenchRunTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresBenchRunTests(ITestOutputHelper output) : BenchRunTests(DatabaseProvider.Postgres, output);
