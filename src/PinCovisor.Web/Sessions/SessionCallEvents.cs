using Microsoft.Extensions.Options;
using PhoneBridge.Calls;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Follows PhoneBridge's calls into their sessions: status changes reach the session, the answering
/// agent takes charge of it, and an ended call schedules the session's close after the grace period.
/// </summary>
internal sealed class SessionCallEvents(
    ISessionStore store,
    ISessionNotifier notifier,
    SessionClosingQueue closing,
    IOptions<SessionsOptions> options,
    TimeProvider time,
    ILogger<SessionCallEvents> logger) : ICallEvents
{
    public async Task CallStatusChangedAsync(CallRecord call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var session = await store.FindByCallAsync(call.CallSid, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        if (call.Status.IsOver())
        {
            session = await store.MarkCallEndedAsync(session.Id, cancellationToken).ConfigureAwait(false) ?? session;
            var closeAt = time.GetUtcNow() + options.Value.CallEndGrace;
            await closing.ScheduleAsync(session.Id, closeAt, cancellationToken).ConfigureAwait(false);
            SessionLog.CallEnded(logger, session.Id, options.Value.CallEndGrace);
        }

        await notifier.CallStatusChangedAsync(session, call, cancellationToken).ConfigureAwait(false);
    }

    public async Task AgentAnsweredAsync(CallRecord call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.AnsweringAgent is not { } agent
            || await store.FindByCallAsync(call.CallSid, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        var reassigned = await store.ReassignAsync(session.Id, agent, cancellationToken).ConfigureAwait(false);
        if (reassigned is ({ } changed, var previous) && previous != agent)
        {
            SessionLog.AgentInCharge(logger, changed.Id, agent);
            await notifier.AgentChangedAsync(changed, previous, cancellationToken).ConfigureAwait(false);
        }
    }
}
