using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Orders;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// <see cref="IInboundMessages"/> of the visual side: each message lands in its address's open
/// conversation as a <c>chat.message</c> from the customer (so history, replay, transcripts and
/// transfers treat it as chat), stored once per MessageSid through the event log's message ids.
/// A new conversation is routed (<see cref="ConversationRouting"/>) or left waiting; while the shop
/// is closed the webhook answers with <see cref="AfterHoursReply"/>.
/// </summary>
internal sealed class ConversationInbox(
    ConversationStore store,
    ConversationRouting routing,
    RedisSessionStore sessions,
    ISessionNotifier notifier,
    SessionEvents events,
    ConversationMedia media,
    IOptions<CovisorHubOptions> hub,
    IOptions<MessagingOptions> options,
    AfterHoursReply afterHours,
    OrderNumbers orders,
    Csat.CsatReplies csat,
    ILogger<ConversationInbox> logger) : IInboundMessages
{
    /// <summary>The prefix of message ids in the event log: Twilio's MessageSid, apart from ids clients choose.</summary>
    public const string MessageIdPrefix = "twilio:";

    public async Task<string?> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A closed conversation's customer answering the satisfaction question opens no new one.
        if (await csat.TryAnswerAsync(message, cancellationToken).ConfigureAwait(false) is { } thanks)
        {
            return thanks;
        }

        var (session, opened) = await store.FindOrOpenAsync(message, cancellationToken).ConfigureAwait(false);
        if (opened)
        {
            session = await RouteAsync(session, message, cancellationToken).ConfigureAwait(false);
        }

        var data = orders.Mark(new ChatMessage(
            message.MessageSid,
            ConversationText.Body(message.Body, message.ButtonText, hub.Value.MaxTextLength),
            ConversationChannels.Wire(message.Channel),
            ConversationMedia.Pending(message)));
        var author = new EventAuthor("customer", null, ConversationText.Name(message.ProfileName) ?? "Customer");
        var agentGroup = session.AgentUsername is { } agent ? new[] { HubGroups.Agent(agent) } : [];
        // A MessageSid already in the log (Twilio retrying) appends nothing and reaches nobody again.
        var published = await events.PublishAsync(session.Id, EventKinds.ChatMessage, author, data, toAgents: agentGroup,
            messageId: MessageIdPrefix + message.MessageSid, cancellationToken: cancellationToken).ConfigureAwait(false);
        await store.RecordInboundAsync(session.Id, cancellationToken).ConfigureAwait(false);
        await media.EnqueueAsync(session.Id, published.Seq, author, message, cancellationToken).ConfigureAwait(false);

        return await afterHours.ReplyAsync(session, message, agentGroup, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CovisorSession> RouteAsync(CovisorSession session, InboundMessage message, CancellationToken cancellationToken)
    {
        var agent = await routing.ChooseAsync(message, cancellationToken).ConfigureAwait(false);
        if (agent is null)
        {
            await store.AddWaitingAsync(session, cancellationToken).ConfigureAwait(false);
            ConversationLog.Opened(logger, session.Id, ConversationChannels.Wire(message.Channel), "none (waiting)");
            return session;
        }

        if (await sessions.ReassignAsync(session.Id, agent, cancellationToken).ConfigureAwait(false) is not ({ } assigned, _))
        {
            return session;
        }

        await store.RememberAgentAsync(message.Address, agent, options.Value.LastAgentMemory, cancellationToken).ConfigureAwait(false);
        ConversationLog.Opened(logger, session.Id, ConversationChannels.Wire(message.Channel), agent);
        await notifier.AgentChangedAsync(assigned, null, cancellationToken).ConfigureAwait(false);
        return assigned;
    }
}

/// <summary>How channels are spelled in events and JSON.</summary>
internal static class ConversationChannels
{
    public static string Wire(MessageChannel channel) => channel == MessageChannel.WhatsApp ? "whatsapp" : "sms";
}
