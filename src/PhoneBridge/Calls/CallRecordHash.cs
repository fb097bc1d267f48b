using PhoneBridge.Redis;

namespace PhoneBridge.Calls;

/// <summary>
/// A call record as Redis holds it (hash <c>pb:{call:CA…}:call</c>): <c>started</c> and <c>ended</c>
/// in Unix ms, <c>status</c> in Twilio's spelling, <c>from</c> masked, <c>agent</c>, <c>sms</c>,
/// <c>moved</c> (Unix ms of the last move), and for a call ended after silence <c>quiet</c> (ms) and <c>told</c>.
/// </summary>
internal static class CallRecordHash
{
    /// <summary>The record in a hash; null when the hash holds no call (it never existed or expired).</summary>
    public static CallRecord? Read(string callSid, Dictionary<string, string> hash)
    {
        if (hash.Long("started") is not { } started
            || !CallStatusExtensions.TryParseTwilio(hash.GetValueOrDefault("status"), out var status))
        {
            return null;
        }

        return new CallRecord(
            callSid,
            status,
            hash.GetValueOrDefault("from"),
            hash.GetValueOrDefault("agent"),
            DateTimeOffset.FromUnixTimeMilliseconds(started),
            hash.Long("ended") is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null,
            (int)(hash.Long("sms") ?? 0))
        {
            MovedAt = DateTimeOffset.FromUnixTimeMilliseconds(hash.Long("moved") ?? started),
            EndedAfterSilence = hash.Long("quiet") is { } quiet ? TimeSpan.FromMilliseconds(quiet) : null,
            EndTold = hash.ContainsKey("told"),
        };
    }
}
