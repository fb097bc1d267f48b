using Microsoft.AspNetCore.Mvc;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Hub;

/// <summary>Templates: the approved WhatsApp messages an agent sends, also outside the 24-hour window.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// The agent in charge of a WhatsApp conversation sends the template <paramref name="template"/>
    /// (<c>Messaging:Templates</c>) with <paramref name="variables"/> for its <c>{{1}}</c>…; returns the seq
    /// of the chat line that shows it. Resending the same <paramref name="messageId"/> returns the first seq and sends nothing.
    /// </summary>
    public async Task<long> SendTemplate(
        string sessionId, string messageId, string template, string[] variables, [FromServices] ConversationTemplates templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var id = HubValidation.Id(messageId, "message id");
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        return await templates.SendAsync(session, State.Caller.Author, id, template, variables, Aborted).ConfigureAwait(false);
    }
}
