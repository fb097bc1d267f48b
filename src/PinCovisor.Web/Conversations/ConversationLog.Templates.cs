namespace PinCovisor.Web.Conversations;

/// <summary>Log events of WhatsApp's 24-hour window and of templates (2905–2906 of the conversations' range). Never a variable's value.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(2905, LogLevel.Information, "Session {SessionId}: free text refused, the 24-hour window closed at {ClosedAt:u}")]
    public static partial void WindowClosed(ILogger logger, string sessionId, DateTimeOffset closedAt);

    [LoggerMessage(2906, LogLevel.Information, "Session {SessionId}: agent {Agent} sent template {Template} (line {Seq})")]
    public static partial void TemplateSent(ILogger logger, string sessionId, string agent, string template, long seq);
}
