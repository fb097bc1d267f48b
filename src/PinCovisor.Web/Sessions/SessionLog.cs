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

    [LoggerMessage(2110, LogLevel.Information, "Participant {ParticipantId} joined session {SessionId} ({Admission})")]
    public static partial void Joined(ILogger logger, string sessionId, string participantId, AdmissionState admission);

    [LoggerMessage(2111, LogLevel.Information, "A join from {ClientBucket} was refused")]
    public static partial void Refused(ILogger logger, string clientBucket);

    [LoggerMessage(2112, LogLevel.Warning, "Joins from {ClientBucket} are throttled")]
    public static partial void Throttled(ILogger logger, string clientBucket);

    [LoggerMessage(2113, LogLevel.Warning, "The global join failure budget is spent: the joiner of session {SessionId} waits for the agent")]
    public static partial void AdmissionForced(ILogger logger, string sessionId);

    [LoggerMessage(2120, LogLevel.Information, "Agent {Agent} set participant {ParticipantId} of session {SessionId} to {Admission}")]
    public static partial void AdmissionChanged(ILogger logger, string agent, string sessionId, string participantId, AdmissionState admission);

    [LoggerMessage(2121, LogLevel.Information, "A second-device link was minted for session {SessionId}")]
    public static partial void DeviceLinkMinted(ILogger logger, string sessionId);
}
