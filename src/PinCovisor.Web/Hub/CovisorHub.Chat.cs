using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Orders;

namespace PinCovisor.Web.Hub;

/// <summary>Chat: messages, typing indicator, delivered/read receipts.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// Sends a chat message; returns its sequence number. Resending the same <paramref name="messageId"/>
    /// (after a dropped connection) returns the first number and appends nothing. In a WhatsApp or
    /// SMS conversation the agent's line also goes to the customer (<see cref="ConversationOutbox"/>).
    /// </summary>
    public async Task<long> SendChat(
        string sessionId, string messageId, string text, [FromServices] ConversationOutbox outbox, [FromServices] OrderNumbers orders)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(orders);
        var id = HubValidation.Id(messageId, "message id");
        var cleaned = HubValidation.Text(text, _options.MaxTextLength);
        var session = await _access.RequireAsync(Context, sessionId, cancellationToken: Aborted).ConfigureAwait(false);
        // Scoped by author: two devices choosing the same id must not swallow each other's messages.
        var appended = await _events.PublishAsync(sessionId, EventKinds.ChatMessage, State.Caller.Author, orders.Mark(new ChatMessage(id, cleaned)),
            messageId: State.Caller.Subject + ":" + id, cancellationToken: Aborted).ConfigureAwait(false);
        if (State.Caller.IsAgent)
        {
            await outbox.DeliverAsync(session, appended.Seq, cleaned, State.Caller.Subject, Aborted).ConfigureAwait(false);
        }

        return appended.Seq;
    }

    /// <summary>Tells the others in the session that the caller is (or stopped) typing. Not logged.</summary>
    public async Task Typing(string sessionId, bool isTyping)
    {
        await _access.RequireAsync(Context, sessionId, cancellationToken: Aborted).ConfigureAwait(false);
        var signal = new TypingSignal(sessionId, State.Caller.Author, isTyping);
        await SignalAsync(sessionId, c => c.Typing(signal), c => c.Typing(_customers.Of(signal))).ConfigureAwait(false);
    }

    /// <summary>Records that the caller has received (<c>delivered</c>) or seen (<c>read</c>) everything up to <paramref name="upToSeq"/>.</summary>
    public Task<long> Acknowledge(string sessionId, long upToSeq, string state)
    {
        if (state is not ("delivered" or "read"))
        {
            throw HubErrors.Invalid("A receipt is either delivered or read.");
        }

        if (upToSeq < 1)
        {
            throw HubErrors.Invalid("A receipt names the sequence number of an event.");
        }

        return PublishAsync(sessionId, EventKinds.ChatReceipt, new ChatReceipt(upToSeq, state));
    }
}
