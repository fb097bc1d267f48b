namespace PinCovisor.Web.Conversations;

/// <summary>Log events of the agents' messages' delivery states (2907–2909 of the conversations' range).</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(2907, LogLevel.Information, "Session {SessionId}: the agent's message {Seq} is {Status} (error {ErrorCode})")]
    public static partial void Delivery(ILogger logger, string sessionId, long seq, string status, int? errorCode);

    [LoggerMessage(2908, LogLevel.Debug, "Session {SessionId}: status {Status} of message {Seq} ignored: it does not move it forward")]
    public static partial void DeliveryIgnored(ILogger logger, string sessionId, long seq, string status);
}
