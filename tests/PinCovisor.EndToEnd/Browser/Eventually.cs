namespace PinCovisor.EndToEnd.Browser;

/// <summary>Polls a condition that the other side of the session makes true sooner or later.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Samples until <paramref name="done"/> accepts a sample or <paramref name="timeout"/> runs out;
    /// then fails naming what was expected and the last sample seen.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> sample, Func<T, bool> done, string expected, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? Limits.Arrival;
        using var cancel = new CancellationTokenSource(limit);
        T last = default!;
        while (true)
        {
            last = await sample().WaitAsync(Limits.Await);
            if (done(last))
            {
                return last;
            }

            try
            {
                await Task.Delay(Interval, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {expected}; last seen: {last}");
            }
        }
    }
}
