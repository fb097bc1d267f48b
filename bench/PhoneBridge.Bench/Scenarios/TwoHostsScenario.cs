using System.Globalization;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 5: the fan-out load with agent and customer on two hosts that share a redis-server
/// through the SignalR Redis backplane, against the same load on one host with the same Redis (and
/// the backplane on, as any host with a configured Redis runs).
/// </summary>
public sealed class TwoHostsScenario : IScenario
{
    public const string Title = "5 Two hosts";

    public string Name => "twohosts";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sessions = options.Sessions > 0 ? options.Sessions : options.Pick(10, 100);
        using var redis = RedisServerProcess.Start();
        var pinKey = BenchHost.NewPinKey();

        FanOutResult one;
        await using (var host = BenchHost.Start(redis.ConnectionString, pinKey))
        {
            one = await FanOutRun.RunAsync("one host (redis-server)",
                load => CovisorPairs.ConnectAsync(host, host.BaseAddress, host.BaseAddress, sessions, load), options, progress);
        }

        FanOutResult two;
        await using (var first = BenchHost.Start(redis.ConnectionString, pinKey))
        await using (var second = BenchHost.Start(redis.ConnectionString, pinKey))
        {
            two = await FanOutRun.RunAsync("two hosts (redis-server)",
                load => CovisorPairs.ConnectAsync(first, first.BaseAddress, second.BaseAddress, sessions, load), options, progress);
        }

        var o = one.Latencies.Summary();
        var t = two.Latencies.Summary();
        return
        [
            new(Title, $"{sessions} sessions, agent and customer on different hosts", two.ReceivedPerSecond, t,
                string.Create(CultureInfo.InvariantCulture, $"one host, same Redis: p99 {o.P99:0.00} ms"),
                string.Create(CultureInfo.InvariantCulture, $"p99 {t.P99 - o.P99:+0.00;−0.00;±0.00} ms"),
                "adds ≤ 5 ms to p99"),
            new(Title, $"{sessions} sessions, one host (baseline)", one.ReceivedPerSecond, o, "–", "–", "–"),
        ];
    }
}
