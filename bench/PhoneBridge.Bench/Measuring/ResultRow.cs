namespace PhoneBridge.Bench.Measuring;

/// <summary>
/// One line of the final table: what was measured, its throughput and latencies, the baseline
/// measured in the same run and the ratio the target is stated in.
/// </summary>
/// <param name="Scenario">The scenario, e.g. "1 IVR webhook".</param>
/// <param name="Measure">What this row measures.</param>
/// <param name="PerSecond">Operations (or messages) per second; NaN where it means nothing.</param>
/// <param name="Latency">The latency distribution (ms); null where the row is a ratio only.</param>
/// <param name="Baseline">The same-run baseline this row is compared with, and its figure.</param>
/// <param name="Ratio">The figure the target is stated in, e.g. "p99 1.2× echo".</param>
/// <param name="Target">The target for this row.</param>
public sealed record ResultRow(
    string Scenario, string Measure, double PerSecond, LatencySummary? Latency, string Baseline, string Ratio, string Target);
