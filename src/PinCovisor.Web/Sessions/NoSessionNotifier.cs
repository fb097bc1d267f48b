using PhoneBridge.Calls;

namespace PinCovisor.Web.Sessions;

/// <summary>The <see cref="ISessionNotifier"/> until the hub registers its own: nobody listens.</summary>
internal sealed class NoSessionNotifier : ISessionNotifier
{
    public Task ParticipantJoinedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task AdmissionChangedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task AgentChangedAsync(CovisorSession session, string? previousAgent, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task CallStatusChangedAsync(CovisorSession session, CallRecord callRecord, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task SessionClosedAsync(CovisorSession session, string reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
