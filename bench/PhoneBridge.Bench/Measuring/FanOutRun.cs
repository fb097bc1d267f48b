using System.Globalization;
using PhoneBridge.Bench.Clients;

namespace PhoneBridge.Bench.Measuring;

/// <summary>Connects pairs, drives them, disconnects them, and says what it measured.</summary>
public static class FanOutRun
{
    public static async Task<FanOutResult> RunAsync(
        string label, Func<FanOutLoad, Task<List<PairTraffic>>> connect, BenchOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var load = new FanOutLoad();
        var pairs = await connect(load);
        try
        {
            var result = await load.RunAsync(pairs, options.Seconds(0.5, 5), options.Seconds(1.5, 30));
            var l = result.Latencies.Summary();
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {label,-28} {pairs.Count} sessions: sent {result.Sent}, received {result.ReceivedPerSecond:0}/s, p50 {l.P50:0.00} p99 {l.P99:0.00} max {l.Max:0.00} ms, failed sends {result.SendFailures}"));
            return result;
        }
        finally
        {
            await Task.WhenAll(pairs.Select(p => p.DisposeAsync()));
        }
    }

    /// <summary>Messages a second the mix sends: a tenth of the sessions draw at 20/s, the rest chat at 1/s.</summary>
    public static double OfferedPerSecond(int sessions)
    {
        var drawing = (sessions + 9) / 10;
        return drawing * FanOutLoad.DrawingPerSecond + (sessions - drawing) * FanOutLoad.ChatPerSecond;
    }
}
