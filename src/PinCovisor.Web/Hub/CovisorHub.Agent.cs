namespace PinCovisor.Web.Hub;

/// <summary>What only the agent in charge may do: hand the session over, or end it.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// Puts another enabled agent in charge. They hear of it in their own group and get the whole
    /// history when they join; the customer sees the new name; the caller stops receiving events.
    /// </summary>
    public async Task<AgentInfo> TransferSession(string sessionId, string toUsername)
    {
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        var target = _agents.FindByUsername(toUsername)
            ?? throw HubErrors.Invalid("There is no available agent with that username.");
        if (target.Username == session.AgentUsername)
        {
            throw HubErrors.Invalid("You are already in charge of this session.");
        }

        // Not tied to this connection: once the store has changed hands, everyone must hear of it.
        var reassigned = await _store.ReassignAsync(sessionId, target.Username, CancellationToken.None).ConfigureAwait(false)
            ?? throw HubErrors.Ended();
        HubLog.Transferred(_logger, sessionId, reassigned.PreviousAgent, target.Username);
        await _notifier.AgentChangedAsync(reassigned.Session, reassigned.PreviousAgent, CancellationToken.None).ConfigureAwait(false);
        // This connection stops at once; the control message does the same for the agent's others.
        await LeaveSession(sessionId).ConfigureAwait(false);
        return new AgentInfo(target.Username, target.DisplayName);
    }

    /// <summary>Ends the session: it accepts nothing more, customers' tokens are revoked and their connections closed.</summary>
    public async Task EndSession(string sessionId)
    {
        await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        if (!await _lifecycle.CloseAsync(sessionId, "ended-by-agent", CancellationToken.None).ConfigureAwait(false))
        {
            throw HubErrors.Ended();
        }
    }
}
