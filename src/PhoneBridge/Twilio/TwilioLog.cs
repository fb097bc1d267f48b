using Microsoft.Extensions.Logging;

namespace PhoneBridge.Twilio;

/// <summary>Log events of the Twilio protocol; ids 1100-1199. Never logs tokens, signatures or phone numbers.</summary>
internal static partial class TwilioLog
{
    /// <summary>
    /// A request was refused. The origin is the scheme and host the URL was rebuilt with: what an
    /// operator compares with the webhook URL in the Twilio console.
    /// </summary>
    [LoggerMessage(EventId = 1100, EventName = "TwilioRequestRejected", Level = LogLevel.Warning,
        Message = "Rejected request to {Path} as not from Twilio ({Reason}); URL rebuilt with origin {Origin}")]
    public static partial void SignatureRejected(this ILogger logger, string path, TwilioRejection reason, string origin);
}
