namespace PinCovisor.Web.Insight;

/// <summary>
/// A fixed-bucket histogram of durations: bucket <c>i</c> holds durations from edge <c>i-1</c>
/// (0 for the first) up to, not including, edge <c>i</c>; the last bucket is open (at least the last
/// edge). Percentiles come from the counts alone, by linear interpolation inside the bucket that
/// holds the rank, so they are off by at most that bucket's width; in the open bucket the answer is
/// its lower edge.
/// </summary>
public sealed class InsightBuckets
{
    private readonly double[] _edges;

    private InsightBuckets(params double[] edges) => _edges = edges;

    /// <summary>PIN issued → first device admitted, in seconds.</summary>
    public static InsightBuckets TimeToJoin { get; } = new(10, 20, 30, 45, 60, 90, 120, 180, 300, 600);

    /// <summary>The customer's first message → the agent's first answer after it, in seconds.</summary>
    public static InsightBuckets FirstResponse { get; } = new(5, 10, 15, 30, 45, 60, 90, 120, 180, 300, 600);

    /// <summary>Upper edges in seconds; there is one bucket more than edges.</summary>
    public IReadOnlyList<double> Edges => _edges;

    public int Count => _edges.Length + 1;

    public int IndexOf(TimeSpan duration)
    {
        var seconds = Math.Max(0, duration.TotalSeconds);
        var i = 0;
        while (i < _edges.Length && seconds >= _edges[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>The <paramref name="quantile"/> (0–1) of the durations counted; null when none were.</summary>
    public double? Percentile(IReadOnlyList<long> counts, double quantile)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNotEqual(counts.Count, Count);
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long before = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (before + counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : _edges[i - 1];
                if (i == _edges.Length)
                {
                    return lower;
                }

                return lower + ((_edges[i] - lower) * (rank - before) / counts[i]);
            }

            before += counts[i];
        }

        return _edges[^1];
    }
}
