using System.Diagnostics;

namespace PhoneBridge.Bench.Measuring;

/// <summary>What a load run measured: how many operations finished, in how long, how fast each was.</summary>
public sealed record LoadResult(long Completed, long Failed, TimeSpan Elapsed, Latencies Latencies, Exception? FirstFailure = null)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    /// <summary>
    /// Throws when the run measured little but failures (none completed, or more than one in ten
    /// failed): its figures would describe the failures, not the product.
    /// </summary>
    public LoadResult EnsureMeasured(string what)
    {
        if (Failed > 0 && (Completed == 0 || Failed * 10 > Completed + Failed))
        {
            throw new InvalidOperationException($"{what}: {Failed} of {Completed + Failed} operations failed; the first: {FirstFailure?.Message}", FirstFailure);
        }

        return this;
    }
}

/// <summary>
/// Load shapes. Closed loop: a fixed number of workers, each starting its next operation when the
/// last one answered (finds the maximum throughput). Open loop: operations started on a fixed
/// schedule whatever the answers do, latency counted from the scheduled start, so a stall shows in
/// the percentiles instead of silently slowing the generator (no coordinated omission). Either may
/// run <c>then</c> after each timed operation, by the same worker and outside the timed part (e.g.
/// the status callback that ends the call the operation placed).
/// </summary>
public static class Load
{
    public static async Task<LoadResult> ClosedAsync(int workers, TimeSpan duration, Func<Task> operation, Func<Task>? then = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new Latencies();
        var counts = new Counts();
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async _ =>
        {
            await Task.Yield();
            while (clock.Elapsed < duration)
            {
                await TimeAsync(operation, Stopwatch.GetTimestamp(), latencies, counts, then);
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return new LoadResult(counts.Completed, counts.Failed, clock.Elapsed, latencies, counts.First);
    }

    public static async Task<LoadResult> OpenAsync(double perSecond, TimeSpan duration, Func<Task> operation, Func<Task>? then = null, int maxInFlight = 2048)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new Latencies();
        var counts = new Counts();
        var inFlight = new List<Task>();
        var interval = Stopwatch.Frequency / perSecond;
        var total = (long)(perSecond * duration.TotalSeconds);
        var origin = Stopwatch.GetTimestamp();
        using var slots = new SemaphoreSlim(maxInFlight);
        for (long i = 0; i < total; i++)
        {
            var scheduled = origin + (long)(i * interval);
            var wait = scheduled - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            }

            await slots.WaitAsync();
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await TimeAsync(operation, scheduled, latencies, counts, then);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return new LoadResult(counts.Completed, counts.Failed, TimeSpan.FromTicks((Stopwatch.GetTimestamp() - origin) * TimeSpan.TicksPerSecond / Stopwatch.Frequency), latencies,
            counts.First);
    }

    /// <summary>
    /// Runs one operation; its latency counts from <paramref name="start"/> (now, or when it was due).
    /// Then runs <paramref name="then"/>, untimed; the operation counts as completed once both did.
    /// </summary>
    private static async Task TimeAsync(Func<Task> operation, long start, Latencies latencies, Counts counts, Func<Task>? then)
    {
        try
        {
            await operation();
            latencies.RecordSince(start);
            if (then is not null)
            {
                await then();
            }

            Interlocked.Increment(ref counts.Completed);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidOperationException or TaskCanceledException)
        {
            Interlocked.Increment(ref counts.Failed);
            Interlocked.CompareExchange(ref counts.First, e, null);
        }
    }

    private sealed class Counts
    {
#pragma warning disable CA1051 // Fields, so Interlocked can update them.
        public long Completed;
        public long Failed;
        public Exception? First;
#pragma warning restore CA1051
    }
}
