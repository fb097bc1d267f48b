namespace PhoneBridge.Calls;

/// <summary>
/// Where the host files each call under its caller's number, so that everything about one number
/// can be found again (to erase or export it) although the call record keeps only a masked number.
/// PhoneBridge registers a no-op; the web host registers its own.
/// </summary>
public interface ICallerIndex
{
    /// <summary>
    /// Files <paramref name="callSid"/> under <paramref name="number"/> (the caller's, as Twilio sent it,
    /// or the number a call back dials). Idempotent: a retried webhook files it again harmlessly.
    /// </summary>
    Task AddCallAsync(string callSid, string? number, CancellationToken cancellationToken = default);
}

