using System.Diagnostics;
using HdrHistogram;

namespace PhoneBridge.Bench.Measuring;

/// <summary>
/// Latencies in microseconds, recorded from many threads into one HdrHistogram (1 µs to 60 s,
/// three significant digits), read back in milliseconds.
/// </summary>
public sealed class Latencies
{
    private const long HighestMicros = 60_000_000;

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicros, 3);

    public long Count => _histogram.TotalCount;

    /// <summary>Forgets everything recorded (after a warm-up).</summary>
    public void Reset() => _histogram.Reset();

    /// <summary>Records the time from a <see cref="Stopwatch.GetTimestamp"/> until now.</summary>
    public void RecordSince(long startTimestamp) => RecordTicks(Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>Records a duration given in <see cref="Stopwatch"/> ticks.</summary>
    public void RecordTicks(long ticks)
    {
        var micros = ticks * 1_000_000 / Stopwatch.Frequency;
        _histogram.RecordValue(Math.Clamp(micros, 1, HighestMicros));
    }

    public void RecordMicroseconds(long micros) => _histogram.RecordValue(Math.Clamp(micros, 1, HighestMicros));

    public void RecordMilliseconds(double milliseconds) =>
        _histogram.RecordValue(Math.Clamp((long)(milliseconds * 1000), 1, HighestMicros));

    /// <summary>The value at a percentile (0–100), in milliseconds.</summary>
    public double Percentile(double percentile) =>
        Count == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    public double Max => Count == 0 ? double.NaN : _histogram.GetMaxValue() / 1000.0;

    public LatencySummary Summary() => new(Count, Percentile(50), Percentile(95), Percentile(99), Max);
}

/// <summary>What a table row shows of a latency distribution, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max);
