using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Hub;

/// <summary>Attachments: the agent sends a WhatsApp or SMS conversation's customer one photo or PDF of the session.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// Sends the session's media <paramref name="mediaId"/> (an upload, or a customer's photo or PDF) to
    /// the conversation's customer with an optional <paramref name="caption"/>, as the agent's chat line;
    /// refused before anything is sent when WhatsApp would not take it. Resending the same
    /// <paramref name="messageId"/> returns the first line's seq and sends nothing again.
    /// </summary>
    public async Task<long> SendAttachment(
        string sessionId, string messageId, string mediaId, string? caption, [FromServices] ConversationAttachments attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var id = HubValidation.Id(messageId, "message id");
        var media = HubValidation.Id(mediaId, "media id");
        var text = string.IsNullOrWhiteSpace(caption) ? string.Empty : HubValidation.Text(caption, _options.MaxTextLength);
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        var request = Context.GetHttpContext()?.Request ?? throw HubErrors.Invalid("The connection is not ready; reconnect and try again.");
        return await attachments.SendAsync(request, session, State.Caller.Author, State.Caller.Subject, id, media, text, Aborted).ConfigureAwait(false);
    }
}
