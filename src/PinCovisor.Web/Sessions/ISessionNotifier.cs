using PhoneBridge.Calls;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Tells the people in a session what changed. The hub implements it (recording each change in the
/// session's event log and pushing it to the session's connections); a no-op stands in without it.
/// </summary>
public interface ISessionNotifier
{
    /// <summary>A joiner entered the waiting room (or was let in directly).</summary>
    Task ParticipantJoinedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default);

    /// <summary>The agent admitted or rejected a participant.</summary>
    Task AdmissionChangedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default);

    /// <summary>Another agent is now in charge (answer, claim or transfer).</summary>
    Task AgentChangedAsync(CovisorSession session, string? previousAgent, CancellationToken cancellationToken = default);

    /// <summary>The session's phone call changed status (ringing, in progress, completed…).</summary>
    Task CallStatusChangedAsync(CovisorSession session, CallRecord callRecord, CancellationToken cancellationToken = default);

    /// <summary>The session closed (agent ended it, or the call's grace period ran out).</summary>
    Task SessionClosedAsync(CovisorSession session, string reason, CancellationToken cancellationToken = default);
}
