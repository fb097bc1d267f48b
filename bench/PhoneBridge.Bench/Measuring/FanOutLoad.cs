using System.Diagnostics;
using PhoneBridge.Bench.Clients;

namespace PhoneBridge.Bench.Measuring;

/// <summary>What a fan-out run measured at the receivers.</summary>
public sealed record FanOutResult(long Sent, long SendFailures, long Received, TimeSpan Elapsed, Latencies Latencies)
{
    public double ReceivedPerSecond => Received / Elapsed.TotalSeconds;
}

/// <summary>
/// Drives connected pairs: drawing sessions send 20 messages a second, the others 1, each sender on
/// its own schedule (open loop, random phase). A warm-up period is sent but not recorded.
/// </summary>
public sealed class FanOutLoad
{
    public const int DrawingPerSecond = 20;
    public const int ChatPerSecond = 1;

    private long _recordFrom = long.MaxValue;
    private long _received;

    public Latencies Latencies { get; } = new();

    /// <summary>The receivers call this with the id of what arrived.</summary>
    public void Arrived(string? id)
    {
        if (SendStamp.TryRead(id, out var sent) && sent >= Volatile.Read(ref _recordFrom))
        {
            Latencies.RecordSince(sent);
            Interlocked.Increment(ref _received);
        }
    }

    public async Task<FanOutResult> RunAsync(IReadOnlyList<PairTraffic> pairs, TimeSpan warmUp, TimeSpan measure)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        long sent = 0, failed = 0;
        using var stop = new CancellationTokenSource();
        var senders = pairs.Select(pair => Task.Run(async () =>
        {
            var period = TimeSpan.FromSeconds(1.0 / (pair.Drawing ? DrawingPerSecond : ChatPerSecond));
            var inFlight = new List<Task>();
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * period.TotalMilliseconds), stop.Token);
                using var timer = new PeriodicTimer(period);
                do
                {
                    Interlocked.Increment(ref sent);
                    inFlight.Add(Track(pair.Send()));
                    inFlight.RemoveAll(t => t.IsCompleted);
                }
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
            }

            await Task.WhenAll(inFlight);
        })).ToList();

        async Task Track(Task send)
        {
            try
            {
                await send.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Interlocked.Increment(ref failed);
            }
        }

        await Task.Delay(warmUp);
        Volatile.Write(ref _recordFrom, Stopwatch.GetTimestamp());
        var clock = Stopwatch.StartNew();
        await Task.Delay(measure);
        var sentAtStop = Interlocked.Read(ref sent);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(senders);
        // Let what is in flight arrive, so the slowest messages count rather than vanish: wait until
        // nothing more arrived for 200 ms (at most 2 s).
        var drain = Stopwatch.StartNew();
        var seen = Interlocked.Read(ref _received);
        while (drain.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            var now = Interlocked.Read(ref _received);
            if (now == seen)
            {
                break;
            }

            seen = now;
        }
        return new FanOutResult(sentAtStop, Interlocked.Read(ref failed), Interlocked.Read(ref _received), elapsed, Latencies);
    }
}
