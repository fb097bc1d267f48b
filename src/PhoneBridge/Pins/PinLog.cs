using Microsoft.Extensions.Logging;

namespace PhoneBridge.Pins;

/// <summary>
/// PIN log events (1200-1299). They carry the CallSid and the PIN's length only: never digits,
/// hashes or nonces, which would let anyone reading logs join a call.
/// </summary>
internal static partial class PinLog
{
    [LoggerMessage(1200, LogLevel.Debug, "Issued a {PinLength}-digit PIN for call {CallSid}")]
    public static partial void Issued(ILogger logger, string callSid, int pinLength);

    [LoggerMessage(1201, LogLevel.Debug, "Call {CallSid} already has a PIN; returning it")]
    public static partial void Reused(ILogger logger, string callSid);

    [LoggerMessage(1202, LogLevel.Debug, "Candidate {PinLength}-digit PIN for call {CallSid} is held by another call (attempt {Attempt}); drawing again")]
    public static partial void Collision(ILogger logger, string callSid, int pinLength, int attempt);

    [LoggerMessage(1203, LogLevel.Warning, "{PinLength}-digit PINs are at capacity ({Capacity} live); trying longer PINs")]
    public static partial void LengthFull(ILogger logger, int pinLength, long capacity);

    [LoggerMessage(1204, LogLevel.Warning, "{Attempts} candidate {PinLength}-digit PINs for call {CallSid} were all taken; trying longer PINs")]
    public static partial void AttemptsExhausted(ILogger logger, string callSid, int pinLength, int attempts);

    [LoggerMessage(1205, LogLevel.Error, "No PIN could be issued for call {CallSid}: every length up to {MaxLength} is at capacity")]
    public static partial void NoSpace(ILogger logger, string callSid, int maxLength);

    [LoggerMessage(1206, LogLevel.Information, "Call {CallSid}'s PIN was revoked; no PIN issued")]
    public static partial void IssueRefused(ILogger logger, string callSid);

    [LoggerMessage(1207, LogLevel.Information, "Call {CallSid}'s PIN was redeemed")]
    public static partial void Redeemed(ILogger logger, string callSid);

    [LoggerMessage(1208, LogLevel.Debug, "A PIN was refused")]
    public static partial void RedeemRefused(ILogger logger);

    [LoggerMessage(1209, LogLevel.Information, "Call {CallSid}'s PIN was revoked")]
    public static partial void Revoked(ILogger logger, string callSid);

    [LoggerMessage(1210, LogLevel.Information, "Call {CallSid} was found by its PIN (not redeemed)")]
    public static partial void LookedUp(ILogger logger, string callSid);

    [LoggerMessage(1211, LogLevel.Debug, "A PIN lookup found no call")]
    public static partial void LookupFoundNothing(ILogger logger);

    [LoggerMessage(1212, LogLevel.Information, "Call {CallSid} was given a new {PinLength}-digit PIN in place of its previous one")]
    public static partial void Reissued(ILogger logger, string callSid, int pinLength);
}
