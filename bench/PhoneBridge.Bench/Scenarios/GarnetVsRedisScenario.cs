using System.Globalization;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 6: the IVR webhook, each call ended by its status callback outside the timed part (closed
/// loop at the same concurrency, then open loop at the same rate) on a host with its embedded Garnet and on a host with a redis-server, as a ratio.
/// </summary>
public sealed class GarnetVsRedisScenario : IScenario
{
    public const string Title = "6 Garnet vs redis-server";

    public string Name => "garnet-redis";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        using var redis = RedisServerProcess.Start();
        var rate = options.Pick(100, 150);
        var (garnetMax, garnetRate) = await MeasureAsync("embedded Garnet", "", rate, options, progress);
        var (redisMax, redisRate) = await MeasureAsync("redis-server", redis.ConnectionString, rate, options, progress);
        static string F(double v, string format = "0.00") => v.ToString(format, CultureInfo.InvariantCulture);
        return
        [
            new(Title, "webhook max, closed loop c=4, redis-server", redisMax.PerSecond, redisMax.Latencies.Summary(),
                $"embedded Garnet {F(garnetMax.PerSecond, "0")}/s", $"{F(redisMax.PerSecond / garnetMax.PerSecond)}× Garnet throughput", "a ratio"),
            new(Title, $"webhook open loop {rate}/s, redis-server", redisRate.PerSecond, redisRate.Latencies.Summary(),
                $"embedded Garnet p99 {F(garnetRate.Latencies.Percentile(99))} ms", $"p99 {F(redisRate.Latencies.Percentile(99) / garnetRate.Latencies.Percentile(99))}× Garnet", "a ratio"),
            new(Title, $"webhook open loop {rate}/s, embedded Garnet (baseline)", garnetRate.PerSecond, garnetRate.Latencies.Summary(), "–", "–", "–"),
        ];
    }

    private static async Task<(LoadResult Max, LoadResult AtRate)> MeasureAsync(
        string label, string redis, double rate, BenchOptions options, TextWriter progress)
    {
        await using var host = BenchHost.Start(redis);
        using var http = LoopbackHttp.For(host.BaseAddress);
        var webhook = new Webhook(http);
        await Load.ClosedAsync(4, options.Seconds(0.3, 3), webhook.CallAsync, webhook.EndCallAsync);
        var max = (await Load.ClosedAsync(4, options.Seconds(0.6, 10), webhook.CallAsync, webhook.EndCallAsync)).EnsureMeasured("webhook max");
        var atRate = (await Load.OpenAsync(rate, options.Seconds(1, 15), webhook.CallAsync, webhook.EndCallAsync)).EnsureMeasured("webhook open loop");
        await webhook.EndAllAsync();
        var m = max.Latencies.Summary();
        var r = atRate.Latencies.Summary();
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-16} max {max.PerSecond:0}/s (p99 {m.P99:0.00} ms); at {rate:0}/s p50 {r.P50:0.00} p99 {r.P99:0.00} max {r.Max:0.00} ms"));
        return (max, atRate);
    }
}
