using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Pins;

/// <summary>
/// The shared index of PINs that hold a place (live or redeemed, not yet expired), keyed by the
/// HMAC of their digits. All its keys share one hash tag so each operation is one script.
/// </summary>
internal sealed class PinIndex(IDatabase database, string tag)
{
    private static readonly EmbeddedScript ReserveScript = EmbeddedScript.Load(typeof(PinIndex), "reserve");
    private static readonly EmbeddedScript RedeemScript = EmbeddedScript.Load(typeof(PinIndex), "redeem");
    private static readonly EmbeddedScript ReleaseScript = EmbeddedScript.Load(typeof(PinIndex), "release");

    /// <summary>Why a candidate did or did not get a place.</summary>
    public enum Outcome
    {
        Reserved,
        LengthFull,
        DigitsTaken,
    }

    /// <summary>Tries to give the candidate digits (named by <paramref name="hash"/>) to the call.</summary>
    public async Task<Outcome> ReserveAsync(
        string callSid, string hash, int length, long nowMs, long expiresAtMs, long capacity, TimeSpan ttl,
        CancellationToken cancellationToken = default)
    {
        var result = await ReserveScript.RunAsync(
            database,
            [RedisKeys.PinIndexEntry(hash, tag), RedisKeys.LivePins(length, tag)],
            [callSid, hash, nowMs, expiresAtMs, capacity, (long)ttl.TotalMilliseconds],
            cancellationToken).ConfigureAwait(false);
        return (string?)result switch
        {
            "ok" => Outcome.Reserved,
            "full" => Outcome.LengthFull,
            "taken" => Outcome.DigitsTaken,
            var other => throw new InvalidOperationException($"The reserve script answered '{other}'."),
        };
    }

    /// <summary>Uses the PIN once; the CallSid it belongs to, or null.</summary>
    public async Task<string?> RedeemAsync(string hash, long nowMs, CancellationToken cancellationToken = default)
    {
        var result = await RedeemScript.RunAsync(
            database, [RedisKeys.PinIndexEntry(hash, tag)], [nowMs], cancellationToken).ConfigureAwait(false);
        return result.IsNull ? null : (string?)result;
    }

    /// <summary>
    /// Reads without using: the CallSid holding these digits while their place has not expired at
    /// <paramref name="nowMs"/>, whether or not the PIN was already redeemed; else null.
    /// </summary>
    public async Task<string?> PeekAsync(string hash, long nowMs, CancellationToken cancellationToken = default)
    {
        var entry = await database.HashGetAsync(RedisKeys.PinIndexEntry(hash, tag), ["call", "exp"])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return entry[0].HasValue && entry[1].TryParse(out long expires) && expires > nowMs ? (string?)entry[0] : null;
    }

    /// <summary>Frees the PIN's place if it still belongs to the call.</summary>
    public Task ReleaseAsync(string callSid, string hash, int length, CancellationToken cancellationToken = default) =>
        ReleaseScript.RunAsync(
            database,
            [RedisKeys.PinIndexEntry(hash, tag), RedisKeys.LivePins(length, tag)],
            [callSid, hash],
            cancellationToken);
}
