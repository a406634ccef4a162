using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Bench.Data;
using Rapport.Bench.Load;
using Rapport.Activities.Import;
using Rapport.Bench.Report;
using Rapport.Contacts.Import;
using Rapport.Platform.Api.Listing;
using Rapport.Platform.Data;

namespace Rapport.Bench;

/// <summary>
/// One benchmark run: for each provider and scale, generate the data, load it through the raw baseline and the
/// product import, measure the raw HTTP baselines and every API scenario with wrk, and save the figures.
/// </summary>
public sealed class BenchRun(BenchOptions options, TextWriter log)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<BenchResult>> RunAsync(CancellationToken ct)
    {
        var results = new List<BenchResult>();
        foreach (var provider in options.ReportOnly ? [] : options.Providers)
        {
            foreach (var scale in options.Scales)
            {
                var result = await RunOneAsync(provider, scale, ct);
                results.Add(result);
                if (options.Scenarios is not null) continue; // an investigation: not a result to keep
                Directory.CreateDirectory(options.ResultsDirectory);
                var file = Path.Combine(options.ResultsDirectory,
                    $"{result.StartedAt:yyyyMMdd-HHmmss}-{provider.ToString().ToLowerInvariant()}-{result.ScaleName}.json");
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, Json), ct);
                log.WriteLine($"  saved {Path.GetRelativePath(options.Root, file)}");
            }
        }
        if (options.Markdown is { } markdown)
        {
            var all = ResultStore.Latest(options.ResultsDirectory);
            await File.WriteAllTextAsync(markdown, MarkdownReport.Render(all, options.Root), ct);
            log.WriteLine($"Wrote {Path.GetRelativePath(options.Root, markdown)}");
        }
        return results;
    }

    private async Task<BenchResult> RunOneAsync(DatabaseProvider provider, int scale, CancellationToken ct)
    {
        var name = $"{provider.ToString().ToLowerInvariant()} {BenchOptions.ScaleName(scale)}";
        var startedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        var loadBefore = Machine.LoadAverage();
        log.WriteLine($"== {name}: load average {string.Join(' ', loadBefore)}");
        var dbName = $"rapport_bench_{BenchOptions.ScaleName(scale).ToLowerInvariant()}";

        await using var product = await BenchDatabase.CreateAsync(provider, dbName, options.Postgres, ct);
        await using var host = ProductHost.Create(product);
        var (owners, apiKey) = await host.PrepareAsync(ct);
        if (options.Keep)
        {
            product.Keep = true;
            log.WriteLine($"  kept: {product.ConnectionString} (data directory {product.Directory}), API key {apiKey}");
        }

        var generator = new CrmDataGenerator(scale, owners);
        var clock = Stopwatch.StartNew();
        var companies = generator.Companies().ToList();
        var contacts = generator.Contacts().ToList();
        var generateSeconds = clock.Elapsed.TotalSeconds;
        var rows = companies.Count + contacts.Count;
        log.WriteLine($"  generated {companies.Count:N0} companies and {contacts.Count:N0} contacts in {generateSeconds:F1} s");

        var raw = await RawImportAsync(provider, dbName + "_raw", companies, contacts, owners, ct);
        log.WriteLine($"  raw bulk insert: {raw.TotalSeconds:F1} s, {rows / raw.TotalSeconds:N0} rows/s");

        var imported = await host.InScopeAsync("import", sp =>
            sp.GetRequiredService<ContactImporter>().ImportAsync(companies, contacts, ct));
        log.WriteLine($"  product import: {imported.Elapsed.TotalSeconds:F1} s, {imported.RowsPerSecond:N0} rows/s");
        var activities = await host.InScopeAsync("import", sp =>
            sp.GetRequiredService<ActivityImporter>().ImportAsync(generator.Activities(contacts), ct));
        var linkRows = await host.InScopeAsync("cli", sp => sp.GetRequiredService<RapportDb>().ActivityLinks.LongCountAsync(ct));
        log.WriteLine($"  activities: {activities.Activities:N0} in {activities.Elapsed.TotalSeconds:F1} s, {activities.RowsPerSecond:N0} rows/s");
        var auditRows = await host.InScopeAsync("cli", sp => sp.GetRequiredService<RapportDb>().AuditEntries
            .LongCountAsync(e => e.EntityType == "company" || e.EntityType == "contact", ct)); // not the admin's account history

        var input = Path.Combine(product.Directory, "wrk-input");
        ScenarioInputs.Write(input, generator, contacts, host.Services.GetRequiredService<KeysetCursor>());
        companies.Clear();
        contacts.Clear();
        await using (var connection = RawBulkInsert.Open(product))
        {
            var machine = await Machine.DescribeAsync(connection, ct);
            var wrk = new WrkRunner(Path.Combine(options.Root, "bench", "wrk"), input, options.Duration, options.Connections, options.Threads);

            WrkResult constant, rawGet;
            await using (var rawServer = await RawServer.StartAsync(product, ct))
            {
                constant = await Measure(wrk, "constant JSON", rawServer.Url, "constant.lua", null, null, ct);
                rawGet = await Measure(wrk, "raw get-by-id", rawServer.Url, "get-by-id.lua", null,
                    new Dictionary<string, string> { ["BENCH_PATH"] = "/contacts/" }, ct);
            }

            var scenarios = new List<ScenarioResult>();
            double peakRss;
            await using (var server = await RapportServer.StartAsync(options.Root, product, ct))
            {
                foreach (var scenario in Scenario.All.Where(s => options.Scenarios?.Contains(s.Name) ?? true))
                {
                    var result = await Measure(wrk, scenario.Name, server.Url, scenario.Script, apiKey, null, ct);
                    var alone = scenario.LatencyTarget
                        ? await Measure(wrk.OneConnection(), $"{scenario.Name} x1", server.Url, scenario.Script, apiKey, null, ct)
                        : null;
                    scenarios.Add(new ScenarioResult(scenario.Name, scenario.Description, result, alone));
                }
                peakRss = Math.Round(server.PeakRssMb(), 1);
                log.WriteLine($"  server peak RSS {peakRss} MB");
            }

            return new BenchResult
            {
                Provider = provider.ToString().ToLowerInvariant(),
                Contacts = scale,
                Companies = generator.CompanyCount,
                StartedAt = startedAt,
                Command = options.Command,
                Label = options.Label,
                Machine = machine,
                LoadAverageBefore = loadBefore,
                LoadAverageAfter = Machine.LoadAverage(),
                Load = new LoadSettings(options.Duration.TotalSeconds, options.Connections, options.Threads),
                Import = new ImportFigures(rows, auditRows, Math.Round(generateSeconds, 2),
                    Math.Round(imported.Elapsed.TotalSeconds, 2), Math.Round(imported.RowsPerSecond),
                    Math.Round(raw.TotalSeconds, 2), Math.Round(rows / raw.TotalSeconds)),
                Activities = new ActivityImportFigures(activities.Activities, linkRows, Math.Round(activities.Elapsed.TotalSeconds, 2),
                    Math.Round(activities.RowsPerSecond)),
                ConstantJson = constant,
                RawGetById = rawGet,
                Scenarios = scenarios,
                ServerPeakRssMb = peakRss,
            };
        }
    }

    private async Task<TimeSpan> RawImportAsync(DatabaseProvider provider, string name,
        IReadOnlyList<Contacts.Companies.Company> companies, IReadOnlyList<Contacts.People.Contact> contacts,
        IReadOnlyList<Guid> productOwners, CancellationToken ct)
    {
        await using var raw = await BenchDatabase.CreateAsync(provider, name, options.Postgres, ct);
        await using var host = ProductHost.Create(raw);
        var (rawOwners, _) = await host.PrepareAsync(ct);
        var owners = productOwners.Zip(rawOwners).ToDictionary(p => p.First, p => p.Second);
        return await RawBulkInsert.RunAsync(raw, companies, contacts, owners, ct);
    }

    private async Task<WrkResult> Measure(WrkRunner wrk, string name, string url, string script, string? key,
        IDictionary<string, string>? environment, CancellationToken ct)
    {
        var warm = await wrk.WarmUpAsync(url, script, key, environment, ct);
        var result = await wrk.RunAsync(url, script, key, environment, ct);
        log.WriteLine($"  {name,-16} {result.RequestsPerSecond,9:N0} req/s  p50 {result.P50Ms,7:N2} ms  p95 {result.P95Ms,7:N2} ms  p99 {result.P99Ms,7:N2} ms  errors {result.Errors}" +
            $"  (warm-up: {warm.Rounds} round(s), last {warm.Last.Requests} requests, slowest {warm.Last.MaxMs:N0} ms{(warm.Warm ? "" : ", NOT WARM")})");
        return result;
    }
}
