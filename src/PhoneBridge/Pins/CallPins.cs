using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Pins;

/// <summary>The per-call side of PINs: each call's PIN record, under the call's own hash tag.</summary>
internal sealed class CallPins(IDatabase database)
{
    private static readonly EmbeddedScript ClaimScript = EmbeddedScript.Load(typeof(CallPins), "claim");
    private static readonly EmbeddedScript MarkRedeemedScript = EmbeddedScript.Load(typeof(CallPins), "mark_redeemed");
    private static readonly EmbeddedScript RevokeScript = EmbeddedScript.Load(typeof(CallPins), "revoke");
    private static readonly EmbeddedScript ReplaceScript = EmbeddedScript.Load(typeof(CallPins), "replace");

    /// <summary>The call's PIN record, or null when it has none.</summary>
    public async Task<PinRecord?> ReadAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var entries = await database.HashGetAllAsync(RedisKeys.CallPin(callSid)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return PinRecord.From(RedisHash.From(entries));
    }

    /// <summary>
    /// Gives the call <paramref name="candidate"/> unless it already has a standing PIN or was revoked.
    /// </summary>
    /// <returns>The candidate when claimed; the standing record when a concurrent issue won; null when revoked.</returns>
    public async Task<PinRecord?> ClaimAsync(
        string callSid, PinRecord candidate, long nowMs, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await ClaimScript.RunAsync(
            database,
            [RedisKeys.CallPin(callSid)],
            [candidate.Nonce, candidate.Length, candidate.Hash, candidate.ExpiresAtMs, nowMs, (long)ttl.TotalMilliseconds],
            cancellationToken).ConfigureAwait(false))!;
        return (string?)result[0] switch
        {
            "claimed" => candidate,
            "existing" => PinRecord.From(RedisHash.From(result, start: 1)),
            _ => null,
        };
    }

    /// <summary>Gives the call <paramref name="candidate"/> in place of whatever PIN it had, unless it was revoked.</summary>
    /// <returns>Whether it was replaced, and the hash and length of the PIN it replaced, if any.</returns>
    public async Task<(bool Replaced, (string Hash, int Length)? Previous)> ReplaceAsync(
        string callSid, PinRecord candidate, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await ReplaceScript.RunAsync(
            database,
            [RedisKeys.CallPin(callSid)],
            [candidate.Nonce, candidate.Length, candidate.Hash, candidate.ExpiresAtMs, (long)ttl.TotalMilliseconds],
            cancellationToken).ConfigureAwait(false))!;
        return (string?)result[0] switch
        {
            "replaced" when result.Length == 3 => (true, ((string)result[1]!, (int)result[2])),
            "replaced" => (true, null),
            _ => (false, null),
        };
    }

    /// <summary>Marks the call's live PIN with this hash redeemed; false when the call moved on.</summary>
    public async Task<bool> MarkRedeemedAsync(string callSid, string hash, CancellationToken cancellationToken = default) =>
        (long)await MarkRedeemedScript.RunAsync(
            database, [RedisKeys.CallPin(callSid)], [hash], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Marks the call's PIN revoked for <paramref name="keep"/>; the hash and length it had, if any.</summary>
    public async Task<(string Hash, int Length)?> RevokeAsync(string callSid, TimeSpan keep, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await RevokeScript.RunAsync(
            database, [RedisKeys.CallPin(callSid)], [(long)keep.TotalMilliseconds], cancellationToken).ConfigureAwait(false))!;
        return result.Length == 2 ? ((string)result[0]!, (int)result[1]) : null;
    }
}
