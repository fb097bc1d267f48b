namespace PinCovisor.Web.Conversations;

/// <summary>Log events of escalation links (2915–2919 of the conversations' range). Never the link or its token.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(2915, LogLevel.Information, "Session {SessionId}: agent {Agent} sent the customer a covisor link (line {Seq})")]
    public static partial void Invited(ILogger logger, string sessionId, string agent, long seq);
}
