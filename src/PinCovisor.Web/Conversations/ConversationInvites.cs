using Microsoft.Extensions.Options;
using PhoneBridge.Twilio.Messaging;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Escalation: the agent in charge of a WhatsApp or SMS conversation sends its customer a link that
/// opens the covisor of the same session (<see cref="SessionInvites"/>). The line is the agent's chat
/// line, in the log first and then sent through <see cref="ConversationOutbox"/> like any reply.
/// </summary>
internal sealed class ConversationInvites(
    ConversationStore store,
    SessionInvites invites,
    InviteLinks links,
    SessionEvents events,
    ConversationOutbox outbox,
    IOptions<InviteOptions> options,
    ILogger<ConversationInvites> logger)
{
    /// <summary>Mints a link (the session's earlier one stops working) and sends it; returns the chat line's seq.</summary>
    public async Task<long> SendAsync(HttpRequest request, CovisorSession session, EventAuthor agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(agent);
        if (!ConversationOutbox.IsConversation(session))
        {
            throw HubErrors.Invalid("Only a WhatsApp or SMS conversation is sent a link: the customer of a call or of the website joins the covisor already.");
        }

        var customer = await store.GetCustomerAsync(session.Id, cancellationToken).ConfigureAwait(false)
            ?? throw HubErrors.Invalid("This conversation's customer address is no longer known; no link was sent.");
        await outbox.RequireFreeTextAllowedAsync(session, cancellationToken).ConfigureAwait(false);
        var lifetime = options.Value.InviteLifetime;
        var token = await invites.IssueAsync(session.Id, lifetime, cancellationToken).ConfigureAwait(false);
        var text = InviteText.For(customer.Address, links.For(request, token), lifetime);
        var id = "invite-" + SessionIds.RandomBase64Url(9);
        var appended = await events.PublishAsync(session.Id, EventKinds.ChatMessage, agent, new ChatMessage(id, text),
            messageId: agent.Id + ":" + id, cancellationToken: cancellationToken).ConfigureAwait(false);
        await outbox.DeliverAsync(session, appended.Seq, agent.Id!, (to, sender) => new OutboundMessage(to.Address, sender) { Body = text },
            cancellationToken).ConfigureAwait(false);
        ConversationLog.Invited(logger, session.Id, agent.Id!, appended.Seq);
        return appended.Seq;
    }
}
