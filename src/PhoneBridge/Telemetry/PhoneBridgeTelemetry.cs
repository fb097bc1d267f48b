using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PhoneBridge.Telemetry;

/// <summary>
/// The one name of the product's meter and activity source, shared by both assemblies, so an
/// exporter subscribes to <c>PhoneBridge</c> once and gets everything (docs/operations.md, "Metrics and traces").
/// </summary>
public static class PhoneBridgeTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "PhoneBridge";

    /// <summary>
    /// Spans of the Twilio webhooks, the join and conversations. Static, as activity sources are:
    /// a span costs nothing until a listener (an exporter, a test) subscribes.
    /// </summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The buckets of every duration histogram: 5 ms to 10 s, where webhooks, joins and hub calls fall.</summary>
    public static readonly InstrumentAdvice<double> Durations =
        new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] };

    /// <summary>Seconds since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>), for the duration histograms.</summary>
    public static double SecondsSince(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds;
}
