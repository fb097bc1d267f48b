using System.Globalization;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 3: sessions × (agent + customer) on one host with its embedded Garnet; a tenth draw at
/// 20 msg/s, the rest chat at 1 msg/s; send→receive latency at the other member. Same-run baseline:
/// a bare SignalR echo hub in this process carrying the same connections, rates and payloads.
/// </summary>
public sealed class FanOutScenario : IScenario
{
    public const string Title = "3 Hub fan-out";

    public string Name => "fanout";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var sessions = options.Sessions > 0 ? options.Sessions : options.Pick(20, 200);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {sessions} sessions, {sessions * 2} connections, offered {FanOutRun.OfferedPerSecond(sessions):0} msg/s"));

        FanOutResult echo;
        await using (var echoHost = await EchoHost.StartAsync())
        {
            echo = await FanOutRun.RunAsync("bare echo hub", load => EchoPairs.ConnectAsync(echoHost.BaseAddress, sessions, load), options, progress);
        }

        FanOutResult logged;
        await using (var echoHost = await EchoHost.StartAsync(withLog: true))
        {
            logged = await FanOutRun.RunAsync("echo hub + minimal log", load => EchoPairs.ConnectAsync(echoHost.BaseAddress, sessions, load), options, progress);
        }

        FanOutResult covisor;
        await using (var host = BenchHost.Start())
        {
            covisor = await FanOutRun.RunAsync("/hubs/covisor (Garnet)",
                load => CovisorPairs.ConnectAsync(host, host.BaseAddress, host.BaseAddress, sessions, load), options, progress);
        }

        var c = covisor.Latencies.Summary();
        var e = echo.Latencies.Summary();
        var l = logged.Latencies.Summary();
        return
        [
            new(Title, $"{sessions} sessions, send→peer (embedded Garnet)", covisor.ReceivedPerSecond, c,
                string.Create(CultureInfo.InvariantCulture, $"bare echo hub p99 {e.P99:0.00} ms"),
                string.Create(CultureInfo.InvariantCulture, $"p99 {c.P99 / e.P99:0.00}× echo"),
                "p99 ≤ 25 ms; ≤ 1.5× echo; 2,000 sessions"),
            new(Title, $"{sessions} sessions, bare echo hub (baseline)", echo.ReceivedPerSecond, e, "–", "–", "–"),
            new(Title, $"{sessions} sessions, echo hub + minimal log in Garnet (INCR + ZADD script per message)", logged.ReceivedPerSecond, l,
                string.Create(CultureInfo.InvariantCulture, $"bare echo hub p99 {e.P99:0.00} ms"),
                string.Create(CultureInfo.InvariantCulture, $"p99 {l.P99 / e.P99:0.00}× echo; covisor p99 {c.P99 / l.P99:0.00}× this"),
                "(decomposition)"),
        ];
    }
}
