using Microsoft.Extensions.Options;
using PhoneBridge.Ivr;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Orders;

/// <summary>
/// The agent shares an order card with the customer (hub <c>ShareOrder</c>): an <c>order.card</c>
/// event for a visual session's page, or, in a WhatsApp or SMS conversation, a short text summary
/// sent as the agent's chat line (in <c>Ivr:Language</c>, the shop's language), within the
/// 24-hour window as any free text. Only a number mentioned in the session, as for the agent's own lookups.
/// </summary>
internal sealed class OrderSharing(
    OrderBook book,
    OrderMentions mentions,
    OrderNumbers numbers,
    ConversationOutbox outbox,
    SessionEvents events,
    IOptions<IvrOptions> ivr,
    ILogger<OrderSharing> logger)
{
    private const int MaxNumberLength = 64;

    public async Task<long> ShareAsync(CovisorSession session, EventAuthor agent, string username, string? number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(agent);
        var order = await FindAsync(session.Id, number, cancellationToken).ConfigureAwait(false);
        if (!ConversationOutbox.IsConversation(session))
        {
            var card = await events.PublishAsync(session.Id, EventKinds.OrderCard, agent, new OrderCard(order), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            OrdersLog.OrderShared(logger, session.Id, "card");
            return card.Seq;
        }

        // Refused before it is in the log, as a chat line: a summary WhatsApp would refuse must not show as written.
        await outbox.RequireFreeTextAllowedAsync(session, cancellationToken).ConfigureAwait(false);
        var text = OrderSummary.Text(order, ivr.Value.Language);
        var id = "order-" + Guid.NewGuid().ToString("N");
        var line = await events.PublishAsync(session.Id, EventKinds.ChatMessage, agent, numbers.Mark(new ChatMessage(id, text)),
            messageId: username + ":" + id, cancellationToken: cancellationToken).ConfigureAwait(false);
        await outbox.DeliverAsync(session, line.Seq, text, username, cancellationToken).ConfigureAwait(false);
        OrdersLog.OrderShared(logger, session.Id, "text");
        return line.Seq;
    }

    private async Task<Order> FindAsync(string sessionId, string? number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > MaxNumberLength)
        {
            throw HubErrors.Invalid($"Name the order to share (an order number of at most {MaxNumberLength} characters).");
        }

        if (!book.IsConfigured)
        {
            throw HubErrors.Invalid("This shop has no order source configured (Orders:Source).");
        }

        // A number never mentioned gets the unknown order's answer, as the lookup endpoints give it.
        var found = await mentions.WasMentionedAsync(sessionId, number, cancellationToken).ConfigureAwait(false)
            ? await book.FindAsync(number, cancellationToken).ConfigureAwait(false)
            : OrderLookup.NotFound;
        return found.Outcome switch
        {
            OrderLookupOutcome.Found => found.Order!,
            OrderLookupOutcome.NotFound => throw HubErrors.Invalid($"No order {number} in the shop's orders."),
            _ => throw HubErrors.Invalid("The shop's order source is not answering; try again in a moment."),
        };
    }
}
