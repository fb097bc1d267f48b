using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Agents;
using PhoneBridge.Ivr;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary>
/// <see cref="ICallTransferEvents"/> of the hub: the agent a transfer came from hears, on every
/// connection of theirs, that nobody took the call. Not logged: it is news for that agent alone,
/// and their phone ringing again says the same.
/// </summary>
internal sealed class HubCallTransferEvents(
    RedisSessionStore store, IAgentDirectory agents, IHubContext<CovisorHub, ICovisorClient> hub, ILogger<HubCallTransferEvents> logger)
    : ICallTransferEvents
{
    public async Task TransferUnansweredAsync(string callSid, string fromAgent, string toAgent, CancellationToken cancellationToken = default)
    {
        if (await store.FindByCallAsync(callSid, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        HubLog.CallTransferNotTaken(logger, session.Id, toAgent, fromAgent);
        await hub.Clients.Group(HubGroups.Agent(fromAgent))
            .CallTransfer(new CallTransferNotice(session.Id, new AgentInfo(toAgent, agents.DisplayName(toAgent)), "unanswered"))
            .ConfigureAwait(false);
    }
}
