using System.Text.Json;

namespace Rapport.Bench.Report;

/// <summary>The saved runs in bench/results/: the newest one per provider and scale is what the report shows.</summary>
public static class ResultStore
{
    public static IReadOnlyList<BenchResult> All(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*.json")
            .Select(f => JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(f), BenchRun.Json)!)
            .ToList()
        : [];

    public static IReadOnlyList<BenchResult> Latest(string directory) =>
        All(directory)
            .GroupBy(r => (r.Provider, r.Contacts))
            .Select(g => g.OrderByDescending(r => r.StartedAt).First())
            .OrderBy(r => r.Provider).ThenBy(r => r.Contacts)
            .ToList();
}
