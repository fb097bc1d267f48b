using PhoneBridge.Redis;

namespace PhoneBridge.Pins;

/// <summary>
/// A call's PIN as Redis holds it (hash <c>pb:{call:CA…}:pin</c>): what is needed to derive the
/// digits again, never the digits.
/// </summary>
internal sealed record PinRecord(string State, string? Nonce, int Length, string? Hash, long ExpiresAtMs)
{
    public const string Live = "live", Redeemed = "redeemed", Revoked = "revoked";

    /// <summary>Whether the PIN may still be spoken: live or redeemed, and not expired at <paramref name="nowMs"/>.</summary>
    public bool StandsAt(long nowMs) => State is Live or Redeemed && Nonce is not null && ExpiresAtMs > nowMs;

    /// <summary>The record in a hash; null when the hash is empty (the call never had a PIN, or it was cleaned up).</summary>
    public static PinRecord? From(Dictionary<string, string> hash) =>
        hash.TryGetValue("state", out var state)
            ? new PinRecord(
                state,
                hash.GetValueOrDefault("nonce"),
                (int)(hash.Long("len") ?? 0),
                hash.GetValueOrDefault("hash"),
                hash.Long("exp") ?? 0)
            : null;
}
