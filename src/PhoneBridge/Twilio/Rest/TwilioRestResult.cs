namespace PhoneBridge.Twilio.Rest;

/// <summary>What one REST call gave: a value, or an error the caller can show.</summary>
/// <typeparam name="T">The value of a successful call.</typeparam>
/// <param name="Value">The value; may be null on success where the call documents it (a call not found).</param>
/// <param name="Error">Why the call failed; null when it succeeded.</param>
public sealed record TwilioRestResult<T>(T? Value, TwilioRestError? Error)
{
    /// <summary>True when Twilio did what was asked.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>Why a REST call failed.</summary>
/// <param name="Failure">The kind of failure.</param>
/// <param name="Status">Twilio's HTTP status when it answered.</param>
/// <param name="Code">Twilio's error code (e.g. 21211, 20404) when it answered with one.</param>
/// <param name="Message">
/// A sentence fit to show a user. Twilio's own message may quote what was sent (a phone number),
/// so it is shown, never logged.
/// </param>
public sealed record TwilioRestError(TwilioRestFailure Failure, int? Status, int? Code, string Message);

/// <summary>The kinds of REST failure.</summary>
public enum TwilioRestFailure
{
    /// <summary><c>Twilio:AccountSid</c> is not set: nothing was sent.</summary>
    NotConfigured,

    /// <summary>The input cannot be sent (a call SID that is not one): nothing was sent.</summary>
    InvalidInput,

    /// <summary>Twilio answered with an error.</summary>
    Refused,

    /// <summary>Twilio could not be reached or did not answer in time.</summary>
    Unreachable,
}
