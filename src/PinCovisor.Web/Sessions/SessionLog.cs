namespace PinCovisor.Web.Sessions;

/// <summary>
/// Session log events (2100-2199). They carry session and participant ids, never a PIN, a token or
/// a device code, and the client address only as the throttle's bucket.
/// </summary>
internal static partial class SessionLog
{
    [LoggerMessage(2100, LogLevel.Information, "Session {SessionId} closed ({Reason})")]
    public static partial void Closed(ILogger logger, string sessionId, string reason);

    [LoggerMessage(2101, LogLevel.Information, "The call of session {SessionId} ended; it closes in {Grace}")]
    public static partial void CallEnded(ILogger logger, string sessionId, TimeSpan grace);

    [LoggerMessage(2102, LogLevel.Information, "Agent {Agent} is in charge of session {SessionId}")]
    public static partial void AgentInCharge(ILogger logger, string sessionId, string agent);

    [LoggerMessage(2103, LogLevel.Warning, "Closing sessions whose grace period ran out failed; retrying")]
    public static partial void ClosingFailed(ILogger logger, Exception exception);
}
