using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PhoneBridge.Messaging;

/// <summary>
/// <c>POST /twilio/messaging/status</c>: Twilio's status callback for the shop's messages (signed like
/// every webhook under <c>/twilio</c>). Reads <c>MessageSid</c>, <c>MessageStatus</c> and <c>ErrorCode</c>; every other field is ignored.
/// </summary>
internal static class MessageStatusCallback
{
    private static readonly string[] Statuses = ["accepted", "scheduled", "queued", "sending", "sent", "delivered", "read", "failed", "undelivered", "canceled"];

    /// <summary>204 for anything Twilio sends (a form it cannot fix would fail again); 503 only when a usable state could not be stored.</summary>
    public static async Task<IResult> ReportAsync(HttpRequest request, IMessageStatuses statuses, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MessageStatusCallback));
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : FormCollection.Empty;
        var sid = Field(form, "MessageSid") ?? Field(form, "SmsSid");
        if (sid is null || sid.Length > 64 || !sid.All(char.IsAsciiLetterOrDigit))
        {
            MessagingLog.StatusUnusable(logger, "MessageSid");
            return Results.NoContent();
        }

        var status = (Field(form, "MessageStatus") ?? Field(form, "SmsStatus"))?.ToLowerInvariant();
        if (status is null || !Statuses.Contains(status))
        {
            MessagingLog.StatusUnusable(logger, "MessageStatus");
            return Results.NoContent();
        }

        int? errorCode = int.TryParse(Field(form, "ErrorCode"), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
        MessagingLog.StatusReceived(logger, sid, status, errorCode);
        try
        {
            await statuses.ReportAsync(new MessageStatusUpdate(sid, status, errorCode), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MessagingLog.StatusNotStored(logger, exception, sid, status);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.NoContent();
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
}
