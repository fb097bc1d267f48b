using System.Diagnostics;
using System.Globalization;
using PhoneBridge.Bench;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Bench.Scenarios;

// dotnet run -c Release --project bench/PhoneBridge.Bench -- <scenario|all> [--quick] [--sessions N] [--heap]
IScenario[] scenarios =
[
    new IvrWebhookScenario(),
    new JoinScenario(),
    new FanOutScenario(),
    new TwoHostsScenario(),
    new GarnetVsRedisScenario(),
    new VideoSyncScenario(),
    new ConnectionsHeldScenario(),
    new GuessingSwarmScenario(),
];

if (args.Length == 2 && args[0] == HeapCensus.Command)
{
    // Scenario 4 with --heap: a child that reads its parent's heap.
    return HeapCensus.Write(int.Parse(args[1], CultureInfo.InvariantCulture), Console.Out);
}

if (args.Length == 3 && args[0] == HeldConnections.Command)
{
    // The second process of scenario 4: it only holds connections.
    return await HeldConnections.HoldAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
}

var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var sessionsAt = Array.IndexOf(args, "--sessions");
var options = new BenchOptions(
    Quick: args.Contains("--quick"),
    Heap: args.Contains("--heap"),
    Sessions: sessionsAt >= 0 && sessionsAt + 1 < args.Length ? int.Parse(args[sessionsAt + 1], CultureInfo.InvariantCulture) : 0);
names.RemoveAll(n => sessionsAt >= 0 && sessionsAt + 1 < args.Length && n == args[sessionsAt + 1]);
if (names.Count != 1 || (names[0] != "all" && scenarios.All(s => s.Name != names[0])))
{
    Console.Error.WriteLine($"usage: PhoneBridge.Bench <{string.Join('|', scenarios.Select(s => s.Name))}|all> [--quick] [--sessions N] [--heap]");
    return 2;
}

// WebApplicationFactory finds the host's content root through a manifest it looks for in the
// current directory; `dotnet run` starts in the caller's directory, so move to the build output.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
using var log = HostLog.Redirect();
var report = log.Report;
await report.WriteLineAsync($"PhoneBridge bench ({(options.Quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, " +
    $"load generator in the same process; host console output in {log.Path}");
var rows = new List<ResultRow>();
var broken = false;
var total = Stopwatch.StartNew();
foreach (var scenario in scenarios.Where(s => names[0] == "all" || s.Name == names[0]))
{
    await report.WriteLineAsync($"## {scenario.Name}");
    var clock = Stopwatch.StartNew();
    try
    {
        rows.AddRange(await scenario.RunAsync(options, report));
    }
#pragma warning disable CA1031 // The harness reports a broken scenario and goes on with the next.
    catch (Exception e)
#pragma warning restore CA1031
    {
        broken = true;
        await report.WriteLineAsync($"  BROKEN: {e}");
    }

    await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ({clock.Elapsed.TotalSeconds:0.0} s)"));
    await report.FlushAsync();
}

await report.WriteLineAsync();
await report.WriteLineAsync(ResultTable.Render(rows));
await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"total {total.Elapsed.TotalSeconds:0.0} s"));
await report.FlushAsync();
// Timings never fail a run; only a harness that could not measure does.
return broken ? 1 : 0;
