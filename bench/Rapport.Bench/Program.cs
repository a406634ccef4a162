using Rapport.Bench;

// rapport-bench --contacts 10k,100k --provider sqlite|postgres|both [--postgres CONN] [--duration 10] [--connections 16]
// Usually started by scripts/bench.sh, which builds Release, installs wrk and starts PostgreSQL.
try
{
    var options = BenchOptions.Parse(args);
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    await new BenchRun(options, Console.Out).RunAsync(cancel.Token);
    return 0;
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
