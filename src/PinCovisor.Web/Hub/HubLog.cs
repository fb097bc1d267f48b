namespace PinCovisor.Web.Hub;

/// <summary>
/// Hub log events (2300-2399). They carry connection, session and participant ids and usernames,
/// never a token, a PIN, a phone number or what people wrote.
/// </summary>
internal static partial class HubLog
{
    [LoggerMessage(2300, LogLevel.Debug, "Connection {ConnectionId} ({Role}) connected to session {SessionId}")]
    public static partial void Connected(ILogger logger, string connectionId, string role, string sessionId);

    [LoggerMessage(2301, LogLevel.Debug, "Connection {ConnectionId} joined session {SessionId} after event {LastSeq}; replayed {Count}")]
    public static partial void Joined(ILogger logger, string connectionId, string sessionId, long lastSeq, int count);

    [LoggerMessage(2302, LogLevel.Information, "Connection {ConnectionId} dropped from session {SessionId}")]
    public static partial void Dropped(ILogger logger, string connectionId, string sessionId);

    [LoggerMessage(2303, LogLevel.Information, "Session {SessionId} transferred from {PreviousAgent} to {Agent}")]
    public static partial void Transferred(ILogger logger, string sessionId, string? previousAgent, string agent);

    [LoggerMessage(2304, LogLevel.Warning, "Connection {ConnectionId} exceeded the hub rate limit (calling {Method})")]
    public static partial void RateLimited(ILogger logger, string connectionId, string method);

    [LoggerMessage(2305, LogLevel.Warning, "Refused a hub request from origin {Origin}")]
    public static partial void OriginRefused(ILogger logger, string origin);

    [LoggerMessage(2306, LogLevel.Error, "Hub control message {Action} for {SessionId} failed")]
    public static partial void ControlFailed(ILogger logger, string action, string sessionId, Exception exception);

    [LoggerMessage(2307, LogLevel.Warning, "Cannot subscribe to the hub control channel yet; retrying")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(2308, LogLevel.Information, "Connection {ConnectionId} cut off: its credential was revoked")]
    public static partial void CutOff(ILogger logger, string connectionId);

    [LoggerMessage(2309, LogLevel.Debug, "Refused {Method} on connection {ConnectionId}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string connectionId, string reason);

    [LoggerMessage(2310, LogLevel.Error, "Hub method {Method} failed on connection {ConnectionId}")]
    public static partial void Failed(ILogger logger, string method, string connectionId, Exception exception);

    [LoggerMessage(2311, LogLevel.Warning, "Hub method {Method} on connection {ConnectionId} could not reach Redis ({Reason})")]
    public static partial void RedisUnavailable(ILogger logger, string method, string connectionId, string reason);

    [LoggerMessage(2312, LogLevel.Information, "Refused connection {ConnectionId}: its token already holds as many hub connections as it may")]
    public static partial void TooManyConnections(ILogger logger, string connectionId);

    [LoggerMessage(2313, LogLevel.Warning, "Connection {ConnectionId} could not reach Redis to count its token's connections ({Reason}); let in")]
    public static partial void ConnectionCountUnavailable(ILogger logger, string connectionId, string reason);

    [LoggerMessage(2314, LogLevel.Warning, "Could not re-check the credentials of this host's hub connections ({Reason}); trying again at the next interval")]
    public static partial void SweepFailed(ILogger logger, string reason);

    [LoggerMessage(2315, LogLevel.Information, "Credential sweep cut {Count} connections whose credential had died")]
    public static partial void SweepCut(ILogger logger, int count);

    [LoggerMessage(2316, LogLevel.Information, "Session {SessionId}: its call is ringing agent {Agent} for a transfer from {PreviousAgent}")]
    public static partial void CallTransferRinging(ILogger logger, string sessionId, string? previousAgent, string agent);

    [LoggerMessage(2317, LogLevel.Information, "Session {SessionId}: agent {Agent} did not take the call; agent {PreviousAgent} told")]
    public static partial void CallTransferNotTaken(ILogger logger, string sessionId, string agent, string previousAgent);

    [LoggerMessage(2318, LogLevel.Warning, "A push to group {Group} reached this host's members but not the other hosts' ({Reason}); they catch up from the log")]
    public static partial void BackplanePublishFailed(ILogger logger, string group, string reason);
}
