using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary>
/// <see cref="ISessionNotifier"/> of the hub: every change becomes an event in the session's log,
/// pushed to whoever must hear it, and changes of who may read the session reach every host's
/// connections through <see cref="HubControl"/>.
/// </summary>
internal sealed class HubSessionNotifier(SessionEvents events, HubControl control, IAgentDirectory agents) : ISessionNotifier
{
    public async Task ParticipantJoinedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(participant);
        var data = new ParticipantJoined(participant.Id, Admission(participant.Admission), participant.Device, participant.JoinedAt);
        // The agent's own group too: they must see a joiner waiting before they open the session.
        await events.PublishAsync(session.Id, EventKinds.ParticipantJoined, EventAuthor.System, data,
            toAgents: AgentGroup(session.AgentUsername), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task AdmissionChangedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(participant);
        var admission = Admission(participant.Admission);
        await events.PublishAsync(session.Id, EventKinds.Admission, EventAuthor.System, new AdmissionChanged(participant.Id, admission),
            toCustomers: [HubGroups.Participant(session.Id, participant.Id)], cancellationToken: cancellationToken).ConfigureAwait(false);
        var action = participant.Admission == AdmissionState.Rejected ? HubControl.Rejected : HubControl.Admitted;
        await control.PublishAsync(new ControlMessage(action, session.Id, participant.Id)).ConfigureAwait(false);
    }

    public async Task AgentChangedAsync(CovisorSession session, string? previousAgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.AgentUsername is not { } agent)
        {
            return;
        }

        var data = new AgentChanged(previousAgent, agent, agents.DisplayName(agent));
        await events.PublishAsync(session.Id, EventKinds.AgentChanged, EventAuthor.System, data,
            toAgents: [HubGroups.Agent(agent)], toCustomers: [HubGroups.Lobby(session.Id)], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (previousAgent is not null && previousAgent != agent)
        {
            await control.PublishAsync(new ControlMessage(HubControl.AgentChanged, session.Id, previousAgent)).ConfigureAwait(false);
        }
    }

    public async Task CallStatusChangedAsync(CovisorSession session, CallRecord callRecord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(callRecord);
        var data = CallStatusChanged.Of(callRecord);
        // The waiting room too: a customer not yet let in must hear at once that the call is over.
        await events.PublishAsync(session.Id, EventKinds.CallStatus, EventAuthor.System, data,
            toCustomers: [HubGroups.Lobby(session.Id)], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task SessionClosedAsync(CovisorSession session, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await events.PublishAsync(session.Id, EventKinds.SessionEnded, EventAuthor.System, new SessionEnded(reason),
            toCustomers: [HubGroups.Lobby(session.Id)], cancellationToken: cancellationToken).ConfigureAwait(false);
        await control.PublishAsync(new ControlMessage(HubControl.Closed, session.Id)).ConfigureAwait(false);
    }

    internal static string Admission(AdmissionState state) => state switch
    {
        AdmissionState.Admitted => "admitted",
        AdmissionState.Rejected => "rejected",
        _ => "pending",
    };

    private static IReadOnlyList<string> AgentGroup(string? agent) => agent is null ? [] : [HubGroups.Agent(agent)];
}
