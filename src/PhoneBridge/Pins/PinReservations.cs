using Microsoft.Extensions.Logging;

namespace PhoneBridge.Pins;

/// <summary>
/// Draws candidate PINs for a call until the index accepts one: redrawing when the digits are held
/// by another call, moving one digit longer when a length is at capacity.
/// </summary>
internal sealed class PinReservations(PinOptions options, PinCrypto crypto, PinIndex index, ILogger logger)
{
    /// <summary>Fresh draws per length before moving to a longer PIN; 20 misses in a row at the
    /// default share (0.1 % taken) has odds of 10^-60, so this only triggers when a length is crowded.</summary>
    public const int AttemptsPerLength = 20;

    /// <summary>
    /// How long a length found at capacity is skipped. A busy hour at capacity would otherwise ask
    /// the index about the full length again on every call, one wasted round trip each; for this
    /// long after places free up, calls get a digit more than they need, never fewer.
    /// </summary>
    public static readonly TimeSpan FullLengthMemory = TimeSpan.FromSeconds(1);

    // Per length, the store-clock instant (Unix ms) until which it is taken as full.
    private readonly long[] _fullUntil = new long[PinOptions.MaximumLength + 1];

    /// <summary>Reserves a place for a new PIN of the call, live from <paramref name="now"/> for the PIN lifetime.</summary>
    /// <returns>The PIN record to claim for the call; its place in the index is already held.</returns>
    /// <exception cref="InvalidOperationException">Every length up to the maximum is at capacity.</exception>
    public async Task<PinRecord> ReserveAsync(string callSid, long now, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var expiresAt = now + (long)options.Lifetime.TotalMilliseconds;
        for (var length = options.Length; length <= options.MaxLength; length++)
        {
            if (length < options.MaxLength && Volatile.Read(ref _fullUntil[length]) > now)
            {
                continue;
            }

            var capacity = options.Capacity(length);
            for (var attempt = 1; attempt <= AttemptsPerLength; attempt++)
            {
                var nonce = PinCrypto.NewNonce();
                var hash = crypto.IndexHash(crypto.Digits(callSid, nonce, length));
                var outcome = await index.ReserveAsync(callSid, hash, length, now, expiresAt, capacity, ttl, cancellationToken)
                    .ConfigureAwait(false);
                if (outcome == PinIndex.Outcome.Reserved)
                {
                    return new PinRecord(PinRecord.Live, Convert.ToHexStringLower(nonce), length, hash, expiresAt);
                }

                if (outcome == PinIndex.Outcome.LengthFull)
                {
                    PinLog.LengthFull(logger, length, capacity);
                    Volatile.Write(ref _fullUntil[length], now + (long)FullLengthMemory.TotalMilliseconds);
                    break;
                }

                PinLog.Collision(logger, callSid, length, attempt);
                if (attempt == AttemptsPerLength)
                {
                    PinLog.AttemptsExhausted(logger, callSid, length, attempt);
                }
            }
        }

        PinLog.NoSpace(logger, callSid, options.MaxLength);
        throw new InvalidOperationException(
            $"No PIN could be issued: every length up to {PinOptions.SectionName}:MaxLength ({options.MaxLength}) is at capacity.");
    }
}
