using System.Globalization;
using PhoneBridge.Bench.Clients;
using PhoneBridge.Bench.Hosting;
using PhoneBridge.Bench.Measuring;
using PhoneBridge.Testing.Web;

namespace PhoneBridge.Bench.Scenarios;

/// <summary>
/// Scenario 1: signed <c>POST /twilio/voice</c> at rising concurrency against the host with its
/// embedded Garnet (the default), each call then ended by its status callback (untimed). Same-run baselines: the bare endpoint on the same host, and
/// <c>SET NX EX</c> against the same Redis.
/// </summary>
public sealed class IvrWebhookScenario : IScenario
{
    public const string Title = "1 IVR webhook";

    public string Name => "ivr";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var host = BenchHost.Start();
        return await MeasureAsync(Title, host, "embedded Garnet", options, progress);
    }

    /// <summary>The whole measurement against one host; scenario 6 runs it on both Redis servers.</summary>
    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(
        string title, PinCovisorHost host, string redisName, BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        using var http = LoopbackHttp.For(host.BaseAddress);
        var webhook = new Webhook(http);
        await progress.WriteLineAsync($"  the webhook speaks PIN {new string('•', (await webhook.FirstPinAsync()).Length)} ({redisName})");

        int[] levels = options.Quick ? [1, 8] : [1, 2, 4, 8, 16, 32, 64];
        var each = options.Seconds(0.4, 4);
        // Every call placed is ended by the same worker outside the timed part (a signed status
        // callback), so live PINs stay near the concurrency; the bare endpoint gets a second bare POST
        // in its place, so both count "calls" of two requests from the same client.
        Func<Task> bareCall = () => webhook.PostAsync(BenchHost.BarePath);
        await Load.ClosedAsync(4, options.Seconds(0.4, 3), webhook.CallAsync, webhook.EndCallAsync); // warm-up: JIT, pools, Redis scripts
        await Load.ClosedAsync(4, options.Seconds(0.2, 2), bareCall, bareCall);

        var bare = Rising.Best(await Rising.RunAsync("bare", levels, each, bareCall, progress, bareCall));
        var health = Rising.Best(await Rising.RunAsync("GET /healthz", levels, each, () => webhook.GetAsync("/healthz"), progress));
        var voice = Rising.Best(await Rising.RunAsync("/twilio/voice", levels, each, webhook.CallAsync, progress, webhook.EndCallAsync));

        var halfRate = voice.Result.PerSecond / 2;
        var half = (await Load.OpenAsync(halfRate, options.Seconds(1, 10), webhook.CallAsync, webhook.EndCallAsync)).EnsureMeasured("IVR open loop");
        await webhook.EndAllAsync();
        var halfLatency = half.Latencies.Summary();
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  open loop at {halfRate:0}/s: p50 {halfLatency.P50:0.00}  p99 {halfLatency.P99:0.00}  max {halfLatency.Max:0.00} ms  failed {half.Failed}"));

        var redis = await RedisBaseline.SetNxExAsync(BenchHost.RedisOf(host), clients: voice.Concurrency, requests: options.Pick(5_000, 200_000));
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {redis.Tool} SET NX EX c={voice.Concurrency}: {redis.PerSecond:0}/s p50 {redis.P50:0.000} p99 {redis.P99:0.000} max {redis.Max:0.000} ms"));

        static string F(double v, string format = "0.00") => v.ToString(format, CultureInfo.InvariantCulture);
        return
        [
            new(title, $"max throughput, closed loop c={voice.Concurrency} ({redisName})", voice.Result.PerSecond, voice.Result.Latencies.Summary(),
                $"bare endpoint {F(bare.Result.PerSecond, "0")}/s (c={bare.Concurrency})", $"{F(voice.Result.PerSecond / bare.Result.PerSecond)}× bare",
                "≥ 0.25× bare"),
            new(title, $"open loop at half max, {F(halfRate, "0")}/s ({redisName})", half.PerSecond, halfLatency,
                $"{redis.Tool} SET NX EX p99 {F(redis.P99, "0.000")} ms (c={voice.Concurrency})", $"p99 {F(halfLatency.P99 / redis.P99, "0.0")}× Redis",
                "p99 ≤ 10 ms; ≤ 3× Redis p99"),
            new(title, "GET /healthz, full middleware, no Redis (reference)", health.Result.PerSecond, health.Result.Latencies.Summary(),
                $"bare endpoint {F(bare.Result.PerSecond, "0")}/s", $"{F(health.Result.PerSecond / bare.Result.PerSecond)}× bare", "–"),
        ];
    }
}
