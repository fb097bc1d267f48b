using StackExchange.Redis;

namespace PhoneBridge.Redis;

/// <summary>Reads Redis hashes, whether fetched with HGETALL or returned flat by a script.</summary>
internal static class RedisHash
{
    /// <summary>A hash from HGETALL; empty when the key does not exist.</summary>
    public static Dictionary<string, string> From(HashEntry[] entries) =>
        entries.ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);

    /// <summary>A hash a script returned as a flat field, value, field, value… array, from <paramref name="start"/> on.</summary>
    public static Dictionary<string, string> From(RedisResult[] flat, int start = 0)
    {
        var hash = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i + 1 < flat.Length; i += 2)
        {
            hash[(string)flat[i]!] = (string)flat[i + 1]!;
        }

        return hash;
    }

    /// <summary>An integer field written by PhoneBridge (e.g. Unix milliseconds), or null when absent.</summary>
    public static long? Long(this Dictionary<string, string> hash, string field) =>
        hash.TryGetValue(field, out var value)
            ? long.Parse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
