using System.Diagnostics;
using System.Globalization;

namespace PhoneBridge.Bench.Clients;

/// <summary>
/// Message and stroke ids that carry the sender's <see cref="Stopwatch"/> timestamp, so the peer
/// (in the same process, on the same clock) can tell how long the message took: <c>b&lt;ticks&gt;-&lt;n&gt;</c>.
/// </summary>
public static class SendStamp
{
    private static long _counter;

    public static string NewId() => string.Create(CultureInfo.InvariantCulture,
        $"b{Stopwatch.GetTimestamp()}-{Interlocked.Increment(ref _counter)}");

    public static bool TryRead(string? id, out long timestamp)
    {
        timestamp = 0;
        if (id is null || id.Length < 3 || id[0] != 'b')
        {
            return false;
        }

        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash > 1 && long.TryParse(id.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
    }
}
