using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Calls;
using PhoneBridge.Ivr;

namespace PinCovisor.Web.Hub;

/// <summary>What only the agent in charge may do: hand the session (or its call) over, or end it.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>
    /// Puts another enabled agent in charge. They hear of it in their own group and get the whole
    /// history when they join; the customer sees the new name; the caller stops receiving events.
    /// Only the visual session moves: a call in progress stays with its agent (<see cref="TransferCall"/> moves both).
    /// </summary>
    public async Task<AgentInfo> TransferSession(string sessionId, string toUsername)
    {
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        var target = TransferTarget(session.AgentUsername, toUsername);
        // Not tied to this connection: once the store has changed hands, everyone must hear of it.
        var reassigned = await _store.ReassignAsync(sessionId, target.Username, CancellationToken.None).ConfigureAwait(false)
            ?? throw HubErrors.Ended();
        HubLog.Transferred(_logger, sessionId, reassigned.PreviousAgent, target.Username);
        await _notifier.AgentChangedAsync(reassigned.Session, reassigned.PreviousAgent, CancellationToken.None).ConfigureAwait(false);
        // This connection stops at once; the control message does the same for the agent's others.
        await LeaveSession(sessionId).ConfigureAwait(false);
        return new AgentInfo(target.Username, target.DisplayName);
    }

    /// <summary>
    /// Moves the session's call in progress to another enabled agent: Twilio rings them, and the
    /// session follows when they take the call (<c>agent.changed</c>, as for any answer). Until then
    /// the caller stays in charge; if nobody takes it, the call rings them again and they hear
    /// <see cref="ICovisorClient.CallTransfer"/>. Refused, with nothing moved, when Twilio cannot be asked.
    /// </summary>
    public async Task<CallTransferStarted> TransferCall(string sessionId, string toUsername)
    {
        var session = await _access.RequireAgentAsync(Context, sessionId, Aborted).ConfigureAwait(false);
        var target = TransferTarget(session.AgentUsername, toUsername);
        if (session.CallSid is not { } callSid || !await CallInProgressAsync(callSid).ConfigureAwait(false))
        {
            throw HubErrors.NoCallInProgress();
        }

        var request = Context.GetHttpContext()?.Request ?? throw HubErrors.NoCallInProgress();
        // Not tied to this connection: once Twilio is asked, its answer must be kept.
        var outcome = await _transfers.TransferAsync(request, callSid, session.AgentUsername ?? State.Caller.Subject, target, CancellationToken.None)
            .ConfigureAwait(false);
        if (outcome != CallTransferOutcome.Ringing)
        {
            throw HubErrors.TransferRefused(outcome, target.DisplayName);
        }

        HubLog.CallTransferRinging(_logger, sessionId, session.AgentUsername, target.Username);
        return new CallTransferStarted(sessionId, new AgentInfo(target.Username, target.DisplayName), "ringing");
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

    private PhoneBridge.Agents.AgentOptions TransferTarget(string? inCharge, string toUsername)
    {
        var target = _agents.FindByUsername(toUsername)
            ?? throw HubErrors.Invalid("There is no available agent with that username.");
        return target.Username == inCharge ? throw HubErrors.Invalid("You are already in charge of this session.") : target;
    }

    private async Task<bool> CallInProgressAsync(string? callSid) =>
        callSid is not null && await _calls.GetAsync(callSid, Aborted).ConfigureAwait(false) is { Status: CallStatus.InProgress, EndedAt: null };
}
