using System.Globalization;

namespace PhoneBridge.Bench.Measuring;

/// <summary>A closed-loop run at each concurrency level in turn; the best throughput is the maximum.</summary>
public static class Rising
{
    public sealed record Level(int Concurrency, LoadResult Result);

    public static async Task<IReadOnlyList<Level>> RunAsync(
        string label, IReadOnlyList<int> levels, TimeSpan each, Func<Task> operation, TextWriter progress, Func<Task>? then = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(progress);
        var results = new List<Level>();
        foreach (var level in levels)
        {
            var result = await Load.ClosedAsync(level, each, operation, then);
            var l = result.Latencies.Summary();
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {label,-14} c={level,-3} {result.PerSecond,8:0}/s  p50 {l.P50,6:0.00}  p99 {l.P99,7:0.00}  max {l.Max,7:0.00} ms  failed {result.Failed}"));
            results.Add(new Level(level, result));
        }

        return results;
    }

    public static Level Best(IReadOnlyList<Level> levels) => levels.MaxBy(l => l.Result.PerSecond)!;
}
