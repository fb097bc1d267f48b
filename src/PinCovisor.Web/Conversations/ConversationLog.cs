namespace PinCovisor.Web.Conversations;

/// <summary>Log events of WhatsApp and SMS conversations (2900–2919). Never an address, a number or a message's text.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(2900, LogLevel.Information, "Session {SessionId}: conversation opened on {Channel}, agent {Agent}")]
    public static partial void Opened(ILogger logger, string sessionId, string channel, string agent);

    [LoggerMessage(2902, LogLevel.Information, "Session {SessionId}: agent {Agent} took the waiting conversation")]
    public static partial void Taken(ILogger logger, string sessionId, string agent);

    [LoggerMessage(2903, LogLevel.Warning, "Session {SessionId}: the agent's message {Seq} was not sent to the customer ({Reason})")]
    public static partial void NotSent(ILogger logger, string sessionId, long seq, string reason);

    [LoggerMessage(2917, LogLevel.Information, "Session {SessionId}: message {MessageSid} arrived while the shop is closed; answered with the after-hours reply ({Language})")]
    public static partial void AfterHoursReplied(ILogger logger, string sessionId, string messageSid, string language);
}
