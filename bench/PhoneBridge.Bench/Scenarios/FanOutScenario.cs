using System.Globalization;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 3: sessions × (agent + customer); a tenth draw at 20 msg/s, the rest chat at 1 msg/s;
/// send→receive latency at the other member. The covisor hub runs on one host with its embedded
/// Garnet, then on one with a redis-server (its SignalR Redis backplane on). Same-run baselines: a
/// bare SignalR echo hub in this process carrying the same connections, rates and payloads (alone,
/// and with a minimal log), and the Socket.IO peer (Redis adapter, connection-state recovery, a
/// replayable history in the same redis-server) driven by the official socket.io-client from a
/// Node process. At 200 and 1,000 sessions unless <c>--sessions</c> names one count.
/// </summary>
public sealed class FanOutScenario : IScenario
{
    public const string Title = "3 Hub fan-out";

    public string Name => "fanout";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        int[] counts = options.Sessions > 0 ? [options.Sessions] : options.Quick ? [20] : [200, 1000];
        using var redis = RedisServerProcess.Start();
        var peerFolder = await NodeScripts.PrepareAsync(progress);
        var rows = new List<ResultRow>();
        foreach (var sessions in counts)
        {
            rows.AddRange(await RunAtAsync(sessions, redis, peerFolder, options, progress));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<ResultRow>> RunAtAsync(
        int sessions, RedisServerProcess redis, string? peerFolder, BenchOptions options, TextWriter progress)
    {
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

        FanOutResult garnet;
        await using (var host = BenchHost.Start())
        {
            garnet = await FanOutRun.RunAsync("/hubs/covisor (Garnet)",
                load => CovisorPairs.ConnectAsync(host, host.BaseAddress, host.BaseAddress, sessions, load), options, progress);
        }

        FanOutResult onRedis;
        await using (var host = BenchHost.Start(redis.ConnectionString))
        {
            onRedis = await FanOutRun.RunAsync("/hubs/covisor (redis-server)",
                load => CovisorPairs.ConnectAsync(host, host.BaseAddress, host.BaseAddress, sessions, load), options, progress);
        }

        FanOutResult? socketIo = null;
        if (peerFolder is not null)
        {
            await using var peer = await SocketIoPeer.StartAsync(peerFolder, redis.Port);
            socketIo = await SocketIoDriver.RunAsync(peer, sessions, FanOutRun.WarmUp(options), FanOutRun.Measure(options), progress);
        }

        var e = echo.Latencies.Summary();
        var l = logged.Latencies.Summary();
        var s = socketIo?.Latencies.Summary();
        var peerBaseline = s is null ? "Socket.IO skipped (no node)" : F($"Socket.IO p50 {s.P50:0.00} / p99 {s.P99:0.00} ms");
        string Ratios(LatencySummary c) => Ratio(c, e, "echo") + (s is null ? "" : "; " + Ratio(c, s, "Socket.IO"));
        const string Target = "p99 ≤ 1.0× Socket.IO and ≤ 1.5× echo at 1,000 sessions; p99 ≤ 25 ms at 2,000";
        var rows = new List<ResultRow>
        {
            new(Title, $"{sessions} sessions, send→peer (embedded Garnet)", garnet.ReceivedPerSecond, garnet.Latencies.Summary(),
                F($"bare echo hub p50 {e.P50:0.00} / p99 {e.P99:0.00} ms; ") + peerBaseline, Ratios(garnet.Latencies.Summary()), Target),
            new(Title, $"{sessions} sessions, send→peer (redis-server, backplane on)", onRedis.ReceivedPerSecond, onRedis.Latencies.Summary(),
                F($"bare echo hub p50 {e.P50:0.00} / p99 {e.P99:0.00} ms; ") + peerBaseline, Ratios(onRedis.Latencies.Summary()), Target),
            new(Title, $"{sessions} sessions, bare echo hub (baseline)", echo.ReceivedPerSecond, e, "–", "–", "–"),
            new(Title, $"{sessions} sessions, echo hub + minimal log in Garnet (INCR + ZADD script per message)", logged.ReceivedPerSecond, l,
                F($"bare echo hub p99 {e.P99:0.00} ms"),
                F($"p99 {l.P99 / e.P99:0.00}× echo; covisor (Garnet) p99 {garnet.Latencies.Summary().P99 / l.P99:0.00}× this"),
                "(decomposition)"),
        };
        if (socketIo is not null)
        {
            rows.Add(new(Title, $"{sessions} sessions, Socket.IO 4.8 + Redis adapter + history list in redis-server (baseline)",
                socketIo.ReceivedPerSecond, s, "–", Ratio(s!, e, "echo"), "–"));
        }

        return rows;
    }

    private static string Ratio(LatencySummary measured, LatencySummary baseline, string name) =>
        F($"p50 {measured.P50 / baseline.P50:0.00}× / p99 {measured.P99 / baseline.P99:0.00}× {name}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
