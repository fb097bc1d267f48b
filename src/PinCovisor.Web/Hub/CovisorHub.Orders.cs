using Microsoft.AspNetCore.Mvc;
using PinCovisor.Web.Orders;

namespace PinCovisor.Web.Hub;

/// <summary>Orders: the agent shows the customer an order mentioned in the session.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// The agent in charge shares order <paramref name="number"/> (mentioned in the session) with the
    /// customer: a card on the customer's page, or a text summary in a WhatsApp or SMS conversation.
    /// Returns the seq of the <c>order.card</c> event or of the chat line.
    /// </summary>
    public async Task<long> ShareOrder(string sessionId, string number, [FromServices] OrderSharing sharing)
    {
        ArgumentNullException.ThrowIfNull(sharing);
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        return await sharing.ShareAsync(session, State.Caller.Author, State.Caller.Subject, number, Aborted).ConfigureAwait(false);
    }
}
