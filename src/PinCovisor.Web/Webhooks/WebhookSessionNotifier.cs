using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Twilio;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Webhooks;

/// <summary>
/// Wraps the host's <see cref="ISessionNotifier"/>: every change told to a session's people is also
/// published to the shop's systems. Each event is published before the change is told, so a
/// notifier that fails cannot lose it; ids that derive from the session keep a change told twice one event.
/// </summary>
internal sealed class WebhookSessionNotifier(
    ISessionNotifier inner, ShopEvents events, IOptions<WebhooksOptions> options, IOptions<SessionsOptions> sessions, IOptions<TwilioOptions> twilio)
    : ISessionNotifier
{
    public async Task ParticipantJoinedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(participant);
        await events.PublishAsync(WebhookEventTypes.SessionStarted,
            new SessionStartedData(session.Id, Origin(session), session.CallSid, session.AgentUsername, session.CreatedAt),
            onceFor: session.Id, cancellationToken).ConfigureAwait(false);
        await PublishAdmittedAsync(session, participant, cancellationToken).ConfigureAwait(false);
        await inner.ParticipantJoinedAsync(session, participant, cancellationToken).ConfigureAwait(false);
    }

    public async Task AdmissionChangedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken = default)
    {
        await PublishAdmittedAsync(session, participant, cancellationToken).ConfigureAwait(false);
        await inner.AdmissionChangedAsync(session, participant, cancellationToken).ConfigureAwait(false);
    }

    public async Task AgentChangedAsync(CovisorSession session, string? previousAgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        // Without an agent before, it is a first answer or a claim, not a transfer.
        if (previousAgent is not null && session.AgentUsername is { } agent && agent != previousAgent)
        {
            await events.PublishAsync(WebhookEventTypes.SessionTransferred, new SessionTransferredData(session.Id, previousAgent, agent),
                cancellationToken).ConfigureAwait(false);
        }

        await inner.AgentChangedAsync(session, previousAgent, cancellationToken).ConfigureAwait(false);
    }

    public Task CallStatusChangedAsync(CovisorSession session, CallRecord callRecord, CancellationToken cancellationToken = default) =>
        inner.CallStatusChangedAsync(session, callRecord, cancellationToken);

    public async Task SessionClosedAsync(CovisorSession session, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var path = $"/api/sessions/{session.Id}/transcript?format=json";
        var publicBase = new[] { options.Value.PublicBaseUrl, sessions.Value.PublicBaseUrl?.ToString(), twilio.Value.BaseUrlOverride }
            .FirstOrDefault(b => !string.IsNullOrWhiteSpace(b));
        var url = string.IsNullOrWhiteSpace(publicBase) ? null : new Uri(publicBase.TrimEnd('/') + path, UriKind.Absolute);
        var data = new SessionEndedData(session.Id, reason, Origin(session), session.CallSid, session.AgentUsername, session.CreatedAt,
            session.ClosedAt, path, url);
        await events.PublishAsync(WebhookEventTypes.SessionEnded, data, onceFor: session.Id, cancellationToken).ConfigureAwait(false);
        await inner.SessionClosedAsync(session, reason, cancellationToken).ConfigureAwait(false);
    }

    private Task PublishAdmittedAsync(CovisorSession session, Participant participant, CancellationToken cancellationToken) =>
        participant.Admission != AdmissionState.Admitted
            ? Task.CompletedTask
            : events.PublishAsync(WebhookEventTypes.ParticipantAdmitted,
                new ParticipantAdmittedData(session.Id, participant.Id, participant.Device, session.AgentUsername, participant.JoinedAt),
                onceFor: $"{session.Id}/{participant.Id}", cancellationToken);

    private static string Origin(CovisorSession session) => session.Origin.ToString().ToLowerInvariant();
}
