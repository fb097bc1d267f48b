namespace PhoneBridge.Testing.Web;

/// <summary>Where a test's fake clock starts.</summary>
public static class TestClock
{
    /// <summary>
    /// A random instant between one and six years after the system clock's now, to the millisecond:
    /// random, so anything reading the wall clock instead of <see cref="TimeProvider"/> shows up and
    /// epoch-aligned windows differ between tests sharing a Redis; ahead, because SignalR closes a
    /// connection once its credential's expiry (issued on the fake clock) is past on the system
    /// clock, so a fake clock behind it would cut every hub connection off within a second.
    /// </summary>
    public static DateTimeOffset RandomInstantAhead()
    {
        // Whole milliseconds: Redis keeps instants as Unix ms, and tests compare what comes back.
        var year = (long)TimeSpan.FromDays(365).TotalMilliseconds;
        return DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + Random.Shared.NextInt64(year, 6 * year));
    }
}
