namespace PinCovisor.Web.Conversations;

/// <summary>Log events of attachments from and to customers (3710–3719 of the media range). Never a URL, a token or the bytes.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(3710, LogLevel.Information, "Session {SessionId}: message {MessageSid}'s attachments: {Stored} kept, {Refused} not kept")]
    public static partial void MediaKept(ILogger logger, string sessionId, string messageSid, int stored, int refused);

    [LoggerMessage(3711, LogLevel.Warning, "Session {SessionId}: attachment {Index} of message {MessageSid} was kept but not deleted at Twilio")]
    public static partial void MediaNotDeleted(ILogger logger, string sessionId, string messageSid, int index);

    [LoggerMessage(3712, LogLevel.Error, "Session {SessionId}: the attachments of message {MessageSid} could not be handled")]
    public static partial void MediaFailed(ILogger logger, Exception exception, string sessionId, string messageSid);

    [LoggerMessage(3713, LogLevel.Information, "Session {SessionId}: agent {Agent} sent the customer an attachment (line {Seq}, {ContentType}, {Bytes} bytes)")]
    public static partial void AttachmentSent(ILogger logger, string sessionId, string agent, long seq, string contentType, long bytes);
}
