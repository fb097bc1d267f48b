using PhoneBridge.Redis;

namespace PhoneBridge.Calls;

/// <summary>
/// A call record as Redis holds it (hash <c>pb:{call:CA…}:call</c>): <c>started</c> and <c>ended</c>
/// in Unix ms, <c>status</c> in Twilio's spelling, <c>from</c> masked, <c>agent</c>, <c>sms</c>,
/// <c>moved</c> (Unix ms of the last move), <c>checked</c> (Unix ms of Twilio's REST API last saying it
/// is live), <c>asked</c> and <c>lease</c> (see claim_check.lua), for a call ended after silence
/// <c>quiet</c> (ms), and <c>told</c> for a call the host ended itself whose end was passed on.
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
            CheckedAt = hash.Long("checked") is { } checkedAt ? DateTimeOffset.FromUnixTimeMilliseconds(checkedAt) : null,
            EndedAfterSilence = hash.Long("quiet") is { } quiet ? TimeSpan.FromMilliseconds(quiet) : null,
            EndTold = hash.ContainsKey("told"),
        };
    }
}
