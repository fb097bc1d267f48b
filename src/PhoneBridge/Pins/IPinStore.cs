namespace PhoneBridge.Pins;

/// <summary>
/// Issues the short PIN a caller hears and redeems it when typed on the shop's site. State lives
/// in Redis so any host can issue, repeat or redeem; Redis never holds the digits themselves.
/// </summary>
public interface IPinStore
{
    /// <summary>
    /// Issues the call's PIN, or returns the one it already has while that PIN is live or redeemed,
    /// so Twilio retries and IVR loops hear the same digits. Issues a fresh PIN once the previous
    /// one expired.
    /// </summary>
    /// <returns>The PIN, or null when the call's PIN was revoked (the call is over).</returns>
    /// <exception cref="InvalidOperationException">Every length up to <see cref="PinOptions.MaxLength"/> is at capacity.</exception>
    Task<IssuedPin?> IssueAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The PIN the call currently has (live or redeemed), for repeating it to the caller and
    /// whispering it to the agent; null when it has none, or it expired or was revoked.
    /// </summary>
    Task<IssuedPin?> FindByCallAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Redeems a PIN atomically: the first redeemer gets the CallSid, everyone after gets null.
    /// </summary>
    /// <returns>The CallSid; null when the PIN is wrong, expired, revoked or already used, with no way to tell which.</returns>
    Task<string?> RedeemAsync(string pin, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the call a PIN belongs to without using it up, for an agent who heard the caller read
    /// it out ("claim by PIN"). Live and redeemed PINs are found; expired and revoked ones are not.
    /// Callers must throttle it: it answers the same question a redeem does.
    /// </summary>
    /// <returns>The CallSid; null when no standing PIN has these digits.</returns>
    Task<string?> FindCallByPinAsync(string pin, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the call a fresh PIN in place of the one it has, live or redeemed (the agent gives the
    /// caller a new code, say after turning a joiner away); the old PIN stops working at once.
    /// </summary>
    /// <returns>The new PIN, or null when the call's PIN was revoked (the call is over).</returns>
    /// <exception cref="InvalidOperationException">Every length up to <see cref="PinOptions.MaxLength"/> is at capacity.</exception>
    Task<IssuedPin?> ReissueAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Invalidates the call's PIN because the call is over; later <see cref="IssueAsync"/> calls for
    /// it return null. Idempotent.
    /// </summary>
    Task RevokeAsync(string callSid, CancellationToken cancellationToken = default);
}
