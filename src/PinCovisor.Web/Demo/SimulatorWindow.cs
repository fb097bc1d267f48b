using Microsoft.AspNetCore.Http.HttpResults;
using PhoneBridge.Messaging;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Media;

namespace PinCovisor.Web.Demo;

/// <summary>
/// <c>POST /demo/whatsapp/later</c>: the messaging simulator's "24 h later". The demo's clock is the
/// real one, so instead of waiting a day the customer's last message is moved back by WhatsApp's
/// window: the console then shows the window closed and offers templates. Development only.
/// </summary>
internal static class SimulatorWindow
{
    public static async Task<Results<NoContent, ProblemHttpResult>> LaterAsync(
        SimulatorLater input, ConversationStore conversations, CancellationToken cancellationToken)
    {
        if (!MessagingAddress.TryParse(input?.From, out var channel, out var number))
        {
            return Problems.BadRequest("from must be the customer's address: whatsapp:+E.164, or +E.164 for SMS.");
        }

        var address = MessagingAddress.Format(channel, number);
        if (await conversations.FindOpenAsync(address, cancellationToken).ConfigureAwait(false) is not { } sessionId
            || !await conversations.MoveInboundBackAsync(sessionId, ConversationWindow.Length, cancellationToken).ConfigureAwait(false))
        {
            return Problems.NotFound("This customer has no open conversation; write to the shop first.");
        }

        return TypedResults.NoContent();
    }
}

/// <summary>The customer whose conversation the simulator moves a day on.</summary>
/// <param name="From">The customer's address, <c>whatsapp:+34600111222</c> (or <c>+34600111222</c> for SMS).</param>
public sealed record SimulatorLater(string? From);
