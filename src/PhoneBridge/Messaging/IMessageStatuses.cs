namespace PhoneBridge.Messaging;

/// <summary>A delivery state Twilio reported for a message the shop sent (<c>POST /twilio/messaging/status</c>).</summary>
/// <param name="MessageSid">The message (<c>SM…</c> or <c>MM…</c>).</param>
/// <param name="Status">Twilio's <c>MessageStatus</c>, lower case: <c>queued</c>, <c>sending</c>, <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>, <c>undelivered</c>.</param>
/// <param name="ErrorCode">Twilio's <c>ErrorCode</c> (63016…), for <c>failed</c> and <c>undelivered</c>; null when none was sent.</param>
public sealed record MessageStatusUpdate(string MessageSid, string Status, int? ErrorCode);

/// <summary>
/// Where <c>POST /twilio/messaging/status</c> hands each delivery state. The visual side implements
/// it (the agent's message shows how far it got); without it states are logged and dropped.
/// </summary>
public interface IMessageStatuses
{
    /// <summary>Records <paramref name="update"/>; states that arrive out of order never move a message back.</summary>
    Task ReportAsync(MessageStatusUpdate update, CancellationToken cancellationToken = default);
}

/// <summary>Stands in while nothing else follows delivery: each state is logged at Debug and dropped.</summary>
internal sealed class NoMessageStatuses(Microsoft.Extensions.Logging.ILogger<NoMessageStatuses> logger) : IMessageStatuses
{
    public Task ReportAsync(MessageStatusUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        MessagingLog.StatusUnhandled(logger, update.MessageSid, update.Status);
        return Task.CompletedTask;
    }
}

/// <summary>The paths of the messaging webhooks, as the shop's messages name them.</summary>
public static class MessagingPaths
{
    /// <summary>Twilio's status callback for the shop's messages (<c>StatusCallback</c>).</summary>
    public const string Status = "/twilio/messaging/status";
}
