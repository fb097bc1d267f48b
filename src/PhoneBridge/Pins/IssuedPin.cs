namespace PhoneBridge.Pins;

/// <summary>A call's PIN, as the IVR speaks it.</summary>
/// <param name="CallSid">The call the PIN belongs to.</param>
/// <param name="Digits">The digits, zero-padded to the PIN's length. Never log them.</param>
/// <param name="ExpiresAt">When the PIN stops being redeemable.</param>
/// <param name="State">Whether someone already joined with it.</param>
public sealed record IssuedPin(string CallSid, string Digits, DateTimeOffset ExpiresAt, PinState State)
{
    /// <summary>Keeps the digits out of logs and exception messages that print the record.</summary>
    public override string ToString() =>
        $"IssuedPin {{ CallSid = {CallSid}, Length = {Digits.Length}, ExpiresAt = {ExpiresAt:O}, State = {State} }}";
}
