namespace PinCovisor.Web.Insight;

/// <summary>Counts being added up from day hashes, turned into <see cref="InsightCounts"/> at the end.</summary>
internal sealed class InsightTally
{
    private static readonly string[] Steps =
    [
        InsightSteps.PinsIssued, InsightSteps.PageOpened, InsightSteps.PinTyped, InsightSteps.Admitted,
        InsightSteps.FirstMessage, InsightSteps.VisualCalls,
    ];

    private readonly long[] _steps = new long[Steps.Length];
    private readonly long[] _timeToJoin = new long[InsightBuckets.TimeToJoin.Count];
    private readonly long[] _firstResponse = new long[InsightBuckets.FirstResponse.Count];

    /// <summary>Takes one field of a day hash, the channel already cut off ("pins", "ttj:3"…); unknown fields are ignored.</summary>
    public void Add(string field, long value)
    {
        var step = Array.IndexOf(Steps, field);
        if (step >= 0)
        {
            _steps[step] += value;
            return;
        }

        var parts = field.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var bucket))
        {
            var histogram = parts[0] switch
            {
                InsightSteps.TimeToJoin => _timeToJoin,
                InsightSteps.FirstResponse => _firstResponse,
                _ => null,
            };
            if (histogram is not null && bucket >= 0 && bucket < histogram.Length)
            {
                histogram[bucket] += value;
            }
        }
    }

    public void Add(InsightTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AddInto(_steps, other._steps);
        AddInto(_timeToJoin, other._timeToJoin);
        AddInto(_firstResponse, other._firstResponse);
    }

    public InsightCounts ToCounts() => new(
        _steps[0], _steps[1], _steps[2], _steps[3], _steps[4], _steps[5],
        _steps[0] == 0 ? null : Math.Round((double)_steps[5] / _steps[0], 4),
        Times(InsightBuckets.TimeToJoin, _timeToJoin),
        Times(InsightBuckets.FirstResponse, _firstResponse));

    private static InsightTimes Times(InsightBuckets buckets, long[] counts) => new(
        counts.Sum(), Round(buckets.Percentile(counts, 0.5)), Round(buckets.Percentile(counts, 0.9)), [.. counts]);

    private static double? Round(double? seconds) => seconds is { } s ? Math.Round(s, 1) : null;

    private static void AddInto(long[] sum, long[] more)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += more[i];
        }
    }
}
