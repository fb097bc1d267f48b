using PhoneBridge.Messaging;
using PinCovisor.Web.Agents;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Who takes a new conversation: the agent who last served the address if they are available,
/// else the first available agent in the directory's order, else nobody (it waits for an agent to take it).
/// </summary>
internal sealed class ConversationRouting(ConversationStore store, RedisAgentPresence presence)
{
    public async Task<string?> ChooseAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var last = store.LastAgentAsync(message.Address, cancellationToken);
        var everyone = await presence.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var available = everyone.Where(a => a.Status == AgentStatus.Available).Select(a => a.Username).ToList();
        var previous = await last.ConfigureAwait(false);
        return previous is not null && available.Contains(previous, StringComparer.Ordinal) ? previous : available.FirstOrDefault();
    }
}
