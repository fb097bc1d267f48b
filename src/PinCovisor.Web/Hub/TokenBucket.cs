namespace PinCovisor.Web.Hub;

/// <summary>
/// A token bucket on <see cref="TimeProvider"/> timestamps (so tests control time): up to
/// <c>burst</c> calls at once, refilled at <c>perSecond</c>.
/// </summary>
internal sealed class TokenBucket(TimeProvider time, double perSecond, int burst)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _stamp = time.GetTimestamp();
    private bool _refusing;

    /// <summary>Takes a token; false when none is left.</summary>
    /// <param name="firstRefusal">True on the first refusal after a run of accepted calls (log once, not per call).</param>
    public bool TryTake(out bool firstRefusal)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_stamp, now).TotalSeconds * perSecond));
            _stamp = now;
            if (_tokens >= 1)
            {
                _tokens--;
                _refusing = false;
                firstRefusal = false;
                return true;
            }

            firstRefusal = !_refusing;
            _refusing = true;
            return false;
        }
    }
}
