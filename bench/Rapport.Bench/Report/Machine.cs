using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Rapport.Bench.Report;

/// <summary>Describes the machine and database a run measured, and how busy the machine was.</summary>
public static class Machine
{
    public static async Task<MachineInfo> DescribeAsync(DbConnection connection, CancellationToken ct)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var memKb = MemInfo("MemTotal");
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = connection.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal)
            ? "SELECT 'SQLite ' || sqlite_version()"
            : "SELECT split_part(version(), ' on ', 1) || ', shared_buffers ' || current_setting('shared_buffers') || ', huge_pages ' || current_setting('huge_pages')";
        var database = (string)(await command.ExecuteScalarAsync(ct))!;
        return new MachineInfo(cpu, Environment.ProcessorCount, Math.Round(memKb / 1024 / 1024, 1), os,
            RuntimeInformation.FrameworkDescription, database, MemoryReclaim(),
            Math.Round(MemInfo("HugePages_Total") * MemInfo("Hugepagesize") / 1024 / 1024, 1));
    }

    /// <summary>A figure from /proc/meminfo (kB, or a count for HugePages_Total); 0 where there is none.</summary>
    private static double MemInfo(string name)
    {
        if (!File.Exists("/proc/meminfo")) return 0;
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private const string Damon = "/sys/kernel/mm/damon/admin/kdamonds";

    /// <summary>
    /// A running DAMON "pageout" scheme: the kernel writes out memory, page cache included, that has gone untouched
    /// for a while. A database file bigger than the database's own cache is then read from disk again after each
    /// pause, which slows SQLite at 1M contacts (bench/notes.md item 32). Null when there is none.
    /// </summary>
    public static string? MemoryReclaim()
    {
        if (!Directory.Exists(Damon)) return null;
        foreach (var kdamond in Directory.EnumerateDirectories(Damon))
        {
            if (Read(Path.Combine(kdamond, "state")) != "on") continue;
            foreach (var context in Directory.EnumerateDirectories(Path.Combine(kdamond, "contexts")))
            {
                var aggregationUs = Number(Path.Combine(context, "monitoring_attrs", "intervals", "aggr_us"));
                foreach (var scheme in Directory.EnumerateDirectories(Path.Combine(context, "schemes")))
                {
                    if (Read(Path.Combine(scheme, "action")) != "pageout") continue;
                    var idleSeconds = Number(Path.Combine(scheme, "access_pattern", "age", "min")) * aggregationUs / 1e6;
                    return $"the kernel pages out memory idle for {idleSeconds:0} s or more (DAMON pageout)";
                }
            }
        }
        return null;
    }

    private static string? Read(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : null;

    private static double Number(string file) =>
        double.TryParse(Read(file), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static double[] LoadAverage() => File.Exists("/proc/loadavg")
        ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
        : [];
}
