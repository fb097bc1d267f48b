using Microsoft.Extensions.Logging;

namespace PhoneBridge.Messaging;

/// <summary>Log events of the messaging webhook (1170–1179). Never a phone number or a message's text.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(1170, LogLevel.Warning, "Messaging webhook without a usable {Field}; answered with nothing")]
    public static partial void Unusable(ILogger logger, string field);

    [LoggerMessage(1171, LogLevel.Information, "Message {MessageSid} received on {Channel} with {MediaCount} attachment(s)")]
    public static partial void Received(ILogger logger, string messageSid, MessageChannel channel, int mediaCount);

    [LoggerMessage(1172, LogLevel.Error, "Message {MessageSid} could not be stored; answered 503 so Twilio may try again")]
    public static partial void NotStored(ILogger logger, Exception exception, string messageSid);

    [LoggerMessage(1173, LogLevel.Warning, "Message {MessageSid} dropped: nothing on this host handles customer messages")]
    public static partial void Unhandled(ILogger logger, string messageSid);

    [LoggerMessage(1174, LogLevel.Debug, "Status {Status} of message {MessageSid} dropped: nothing on this host follows delivery")]
    public static partial void StatusUnhandled(ILogger logger, string messageSid, string status);

    [LoggerMessage(1175, LogLevel.Warning, "Message status callback without a usable {Field}; answered 204 and ignored")]
    public static partial void StatusUnusable(ILogger logger, string field);

    [LoggerMessage(1176, LogLevel.Information, "Message {MessageSid} is {Status} (error {ErrorCode})")]
    public static partial void StatusReceived(ILogger logger, string messageSid, string status, int? errorCode);

    [LoggerMessage(1177, LogLevel.Error, "Status {Status} of message {MessageSid} could not be stored; answered 503")]
    public static partial void StatusNotStored(ILogger logger, Exception exception, string messageSid, string status);
}
