using Microsoft.Extensions.Logging;

namespace PhoneBridge.Ivr;

/// <summary>Log events of calls placed back to customers (1600–1619). Never a full phone number.</summary>
internal static partial class CallBackLog
{
    [LoggerMessage(1600, LogLevel.Information, "Call {CallSid} placed back to a customer for agent {Agent}")]
    public static partial void Placed(ILogger logger, string callSid, string agent);

    [LoggerMessage(1601, LogLevel.Warning, "A call back for agent {Agent} was not placed ({Failure})")]
    public static partial void NotPlaced(ILogger logger, string agent, string failure);

    [LoggerMessage(1602, LogLevel.Error, "Call {CallSid} was placed but could not be recorded; hanging it up")]
    public static partial void NotRecorded(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(1603, LogLevel.Warning, "Call {CallSid} could not be hung up ({Failure})")]
    public static partial void NotHungUp(ILogger logger, string callSid, string failure);

    [LoggerMessage(1604, LogLevel.Information, "Call {CallSid} answered by the customer; ringing agent {Agent}")]
    public static partial void Connecting(ILogger logger, string callSid, string agent);

    [LoggerMessage(1605, LogLevel.Warning, "Call {CallSid} answered by the customer, but it has no agent to ring; hanging up")]
    public static partial void NoAgent(ILogger logger, string callSid);
}
