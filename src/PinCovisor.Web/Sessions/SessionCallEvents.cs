using Microsoft.Extensions.Options;
using PhoneBridge.Calls;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Follows PhoneBridge's calls into their sessions: status changes reach the session, the answering
/// agent takes charge of it, and an ended call schedules the session's close after the grace period.
/// An end told again (Twilio retrying, or a signed callback replayed) changes nothing: the session
/// hears it once and the close keeps its first time. PhoneBridge tells an answer once per agent leg,
/// so a replayed whisper cannot take a session back from the agent it was transferred to.
/// </summary>
internal sealed class SessionCallEvents(
    RedisSessionStore store,
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
            // Scheduled before the end is recorded: if a step fails and Twilio retries, the retry
            // finds the end recorded but the close still gets scheduled.
            if (!session.IsClosed)
            {
                await closing.ScheduleAsync(session.Id, time.GetUtcNow() + options.Value.CallEndGrace, cancellationToken).ConfigureAwait(false);
            }

            if (await store.TryMarkCallEndedAsync(session.Id, cancellationToken).ConfigureAwait(false) is not ({ } ended, true))
            {
                return;
            }

            session = ended;
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
