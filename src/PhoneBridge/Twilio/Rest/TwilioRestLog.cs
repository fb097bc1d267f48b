using Microsoft.Extensions.Logging;

namespace PhoneBridge.Twilio.Rest;

/// <summary>
/// Log events of the REST client, ids 1150-1159 (media 1155). Never logs the auth token, a phone number or
/// Twilio's error message (which may quote one): status and error code say what went wrong.
/// </summary>
internal static partial class TwilioRestLog
{
    [LoggerMessage(1150, LogLevel.Warning, "{Operation} not done: Twilio:AccountSid is not configured")]
    public static partial void NotConfigured(ILogger logger, string operation);

    [LoggerMessage(1151, LogLevel.Warning, "{Operation} refused by Twilio's REST API with status {StatusCode}, error {ErrorCode}")]
    public static partial void Refused(ILogger logger, string operation, int statusCode, int errorCode);

    [LoggerMessage(1152, LogLevel.Warning, "{Operation} not done: Twilio's REST API unreachable ({Error})")]
    public static partial void Unreachable(ILogger logger, string operation, string error);

    [LoggerMessage(1153, LogLevel.Information, "Twilio REST {Method} sent again (retry {Retry}) after {Outcome}")]
    public static partial void Retrying(ILogger logger, string method, int retry, string outcome);

    [LoggerMessage(1154, LogLevel.Warning, "{Operation} not sent: {Reason}")]
    public static partial void InvalidInput(ILogger logger, string operation, string reason);

    [LoggerMessage(1155, LogLevel.Warning, "A message's media was not fetched from Twilio: {Reason} (status {StatusCode})")]
    public static partial void MediaNotFetched(ILogger logger, string reason, int? statusCode);
}
