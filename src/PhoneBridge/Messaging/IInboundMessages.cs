namespace PhoneBridge.Messaging;

/// <summary>
/// Where <c>POST /twilio/messaging</c> hands each customer message. The visual side implements it
/// (conversations, routing, the agents' hub); without it messages are logged and dropped.
/// </summary>
public interface IInboundMessages
{
    /// <summary>
    /// Stores <paramref name="message"/> (once per <see cref="InboundMessage.MessageSid"/>, however
    /// often Twilio sends it) and tells whoever must hear of it.
    /// </summary>
    /// <returns>The text of an automatic reply to send back in the webhook's answer, or null for none.</returns>
    Task<string?> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Stands in while nothing else handles messages: each one is logged and answered with nothing.</summary>
internal sealed class NoInboundMessages(Microsoft.Extensions.Logging.ILogger<NoInboundMessages> logger) : IInboundMessages
{
    public Task<string?> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        MessagingLog.Unhandled(logger, message.MessageSid);
        return Task.FromResult<string?>(null);
    }
}
