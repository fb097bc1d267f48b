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
            var result = await load.RunAsync(pairs, WarmUp(options), Measure(options));
            await ReportAsync(label, pairs.Count, result, progress);
            return result;
        }
        finally
        {
            await Task.WhenAll(pairs.Select(p => p.DisposeAsync()));
        }
    }

    /// <summary>Sent, not recorded, before <see cref="Measure"/>.</summary>
    public static TimeSpan WarmUp(BenchOptions options) => options.Seconds(0.5, 5);

    /// <summary>How long the arrivals are recorded.</summary>
    public static TimeSpan Measure(BenchOptions options) => options.Seconds(1.5, 30);

    /// <summary>The progress line of one run.</summary>
    public static Task ReportAsync(string label, int sessions, FanOutResult result, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(progress);
        var l = result.Latencies.Summary();
        return progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-28} {sessions} sessions: sent {result.Sent}, received {result.ReceivedPerSecond:0}/s, p50 {l.P50:0.00} p99 {l.P99:0.00} max {l.Max:0.00} ms, failed sends {result.SendFailures}"));
    }

    /// <summary>Messages a second the mix sends: a tenth of the sessions draw at 20/s, the rest chat at 1/s.</summary>
    public static double OfferedPerSecond(int sessions)
    {
        var drawing = (sessions + 9) / 10;
        return drawing * FanOutLoad.DrawingPerSecond + (sessions - drawing) * FanOutLoad.ChatPerSecond;
    }
}
