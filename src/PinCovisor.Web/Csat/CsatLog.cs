namespace PinCovisor.Web.Csat;

/// <summary>Log events of the satisfaction survey (3820–3839). Never a comment, a token or a phone number.</summary>
internal static partial class CsatLog
{
    [LoggerMessage(3820, LogLevel.Information, "Satisfaction answer {Score} recorded for session {SessionId} ({Channel}, agent {Agent})")]
    public static partial void Recorded(ILogger logger, string sessionId, int score, string channel, string agent);

    [LoggerMessage(3821, LogLevel.Information, "Satisfaction question sent by {Channel} for session {SessionId}")]
    public static partial void QuestionSent(ILogger logger, string sessionId, string channel);

    [LoggerMessage(3822, LogLevel.Information, "Satisfaction question not sent for session {SessionId}: {Reason}")]
    public static partial void QuestionNotSent(ILogger logger, string sessionId, string reason);

    [LoggerMessage(3823, LogLevel.Warning, "Satisfaction totals not counted for session {SessionId}; the answer itself is stored")]
    public static partial void NotCounted(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(3824, LogLevel.Information, "{Count} satisfaction answers older than {Cutoff} purged")]
    public static partial void Purged(ILogger logger, int count, DateTimeOffset cutoff);
}
