namespace PinCovisor.Web.CallBack;

/// <summary>Log events of call-back requests in sessions (2800–2819). Never a phone number, masked or not.</summary>
internal static partial class CallBackDeskLog
{
    [LoggerMessage(2800, LogLevel.Information, "Session {SessionId}: the customer asked to be called")]
    public static partial void Requested(ILogger logger, string sessionId);

    [LoggerMessage(2801, LogLevel.Information, "Session {SessionId}: agent {Agent} called the customer back on call {CallSid}")]
    public static partial void Placed(ILogger logger, string sessionId, string agent, string callSid);

    [LoggerMessage(2802, LogLevel.Warning, "Session {SessionId}: the call back {CallSid} could not be bound to the session; hanging it up")]
    public static partial void NotBound(ILogger logger, string sessionId, string callSid);

    [LoggerMessage(2803, LogLevel.Warning, "Session {SessionId}: the call back was not placed ({Failure}, Twilio code {Code})")]
    public static partial void NotPlaced(ILogger logger, string sessionId, string failure, int? code);
}
