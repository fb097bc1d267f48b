using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using PhoneBridge.Twilio.Messaging;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Sends the agent's chat lines of a WhatsApp or SMS conversation to the customer through Twilio,
/// from <c>Messaging:WhatsAppFrom</c> or <c>Messaging:SmsFrom</c>. The line is in the session's log
/// first (the agent's history shows what they wrote); a line Twilio did not take is refused with a
/// <see cref="HubException"/> the console shows, and sending the same line (same message id) again tries again.
/// Each line is sent once, however often the console resends it.
/// </summary>
internal sealed class ConversationOutbox(
    ConversationStore store,
    ITwilioMessages messages,
    DeliveryTracking delivery,
    IOptions<MessagingOptions> options,
    ILogger<ConversationOutbox> logger)
{
    public static bool IsConversation(CovisorSession session) =>
        session?.Origin is SessionOrigin.WhatsApp or SessionOrigin.Sms;

    /// <summary>
    /// Refuses free text (a chat line, a link, an attachment) to a WhatsApp customer whose 24-hour window
    /// has closed, with a <see cref="HubException"/> naming when it closed; call it before the line is
    /// appended to the log. Templates are allowed at any time; SMS and sessions that are not conversations pass.
    /// </summary>
    public async Task RequireFreeTextAllowedAsync(CovisorSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (IsConversation(session) && await store.WindowClosedAtAsync(session.Id, cancellationToken).ConfigureAwait(false) is { } closedAt)
        {
            ConversationLog.WindowClosed(logger, session.Id, closedAt);
            throw HubErrors.Invalid(ConversationWindow.Closed(closedAt));
        }
    }

    /// <summary>Sends the agent's line <paramref name="seq"/> (<paramref name="text"/>) when the session is a conversation.</summary>
    public Task DeliverAsync(CovisorSession session, long seq, string text, string agent, CancellationToken cancellationToken = default) =>
        DeliverAsync(session, seq, agent, (customer, sender) => new OutboundMessage(customer.Address, sender) { Body = text }, cancellationToken);

    /// <summary>
    /// Sends the agent's event <paramref name="seq"/> as the message <paramref name="build"/> makes for the
    /// conversation's customer and the channel's sender; nothing when the session is not a conversation,
    /// or when that event was already sent.
    /// </summary>
    public async Task DeliverAsync(
        CovisorSession session, long seq, string agent, Func<ConversationCustomer, string, OutboundMessage> build,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(build);
        if (!IsConversation(session))
        {
            return;
        }

        var customer = await store.GetCustomerAsync(session.Id, cancellationToken).ConfigureAwait(false)
            ?? throw NotSent(session.Id, seq, "no customer address", "This conversation's customer address is no longer known; the message was not sent.");
        var sender = options.Value.SenderFor(customer.Channel)
            ?? throw NotSent(session.Id, seq, "no sender configured", customer.Channel == MessageChannel.WhatsApp
                ? "The message was not sent: the shop's WhatsApp sender is not configured (Messaging:WhatsAppFrom)."
                : "The message was not sent: the shop's SMS number is not configured (Messaging:SmsFrom).");
        if (!await store.TryMarkSentAsync(session.Id, seq, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // Not cancelled with the agent's connection: a send cut off after it reached Twilio would be sent again.
        var message = build(customer, sender);
        var sent = await messages.SendAsync(message with { StatusCallback = message.StatusCallback ?? delivery.CallbackUrl() }, CancellationToken.None)
            .ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            await store.UnmarkSentAsync(session.Id, seq).ConfigureAwait(false);
            throw NotSent(session.Id, seq, "Twilio refused it or was unreachable", customer.Channel == MessageChannel.WhatsApp
                ? "The message did not reach WhatsApp; send it again in a moment."
                : "The message did not go out by SMS; send it again in a moment.");
        }

        await store.RememberAgentAsync(customer.Address, agent, options.Value.LastAgentMemory, CancellationToken.None).ConfigureAwait(false);
        if (sent.Value is { } messageSid)
        {
            await delivery.TrackAsync(session.Id, seq, messageSid, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private HubException NotSent(string sessionId, long seq, string reason, string message)
    {
        ConversationLog.NotSent(logger, sessionId, seq, reason);
        return HubErrors.Invalid(message);
    }
}
