using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Hub;

/// <summary>Escalation: a WhatsApp or SMS conversation's customer is sent a link into this session's covisor.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// The agent in charge of a WhatsApp or SMS conversation sends its customer a single-use link
    /// that opens the covisor of this session; the link before it stops working. Returns the seq of
    /// the chat line that carries it.
    /// </summary>
    public async Task<long> InviteToCovisor(string sessionId, [FromServices] ConversationInvites invites)
    {
        ArgumentNullException.ThrowIfNull(invites);
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        var request = Context.GetHttpContext()?.Request ?? throw HubErrors.Invalid("The connection is not ready; reconnect and try again.");
        return await invites.SendAsync(request, session, State.Caller.Author, Aborted).ConfigureAwait(false);
    }
}
