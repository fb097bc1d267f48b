using System.Diagnostics;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PhoneBridge.Telemetry;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Telemetry;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Turns a PIN (or a second-device code) into a place in a session. The throttle counts the
/// attempt before the secret is looked at (<see cref="JoinThrottle"/>), so a burst of parallel
/// guesses is held to the limit, and every refusal does the same Redis work (count the attempt,
/// try the secret once): neither the answer nor the number of round trips tells a wrong secret
/// from an expired or used one.
/// </summary>
internal sealed class JoinFlow(
    JoinThrottle throttle,
    IPinStore pins,
    RedisCallStore calls,
    DeviceCodes codes,
    SessionInvites invites,
    RedisSessionStore store,
    RedisAccessTokens tokens,
    ISessionNotifier notifier,
    IAgentDirectory agents,
    Orders.CallOrders callOrders,
    IOptions<JoinOptions> options,
    TimeProvider time,
    CovisorMetrics metrics,
    ILogger<JoinFlow> logger)
{
    public Task<JoinOutcome> ByPinAsync(string pin, string bucket, string? device, CancellationToken cancellationToken = default) =>
        UnlessThrottledAsync("pin", bucket, budgetSpent => RedeemPinAsync(pin, budgetSpent, bucket, device, cancellationToken), cancellationToken);

    public Task<JoinOutcome> ByDeviceCodeAsync(string code, string bucket, string? device, CancellationToken cancellationToken = default) =>
        UnlessThrottledAsync("device", bucket, _ => AdmitAsync(ct => codes.RedeemAsync(code, ct), bucket, device, cancellationToken), cancellationToken);

    public Task<JoinOutcome> ByInviteAsync(string token, string bucket, string? device, CancellationToken cancellationToken = default) =>
        UnlessThrottledAsync("invite", bucket, _ => AdmitAsync(ct => invites.RedeemAsync(token, ct), bucket, device, cancellationToken), cancellationToken);

    // Every attempt is one "join" span and one count, whatever its method and outcome.
    private async Task<JoinOutcome> UnlessThrottledAsync(
        string method, string bucket, Func<bool, Task<JoinOutcome>> attempt, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = PhoneBridgeTelemetry.Source.StartActivity("join");
        activity?.SetTag("join.method", method);
        JoinOutcome? outcome = null;
        try
        {
            outcome = await ThrottledOrAsync(bucket, attempt, cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            var name = Describe(outcome);
            activity?.SetTag("join.outcome", name);
            if (outcome is null)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            metrics.Join(method, name, PhoneBridgeTelemetry.SecondsSince(started));
        }
    }

    private static string Describe(JoinOutcome? outcome) => outcome switch
    {
        JoinOutcome.Joined { Response.Admission: var admission } => admission,
        JoinOutcome.Refused => "refused",
        JoinOutcome.TooManyAttempts => "throttled",
        _ => "failed",
    };

    // A throttled client learns nothing and a correct PIN stays redeemable for the real caller:
    // the secret is not touched.
    private async Task<JoinOutcome> ThrottledOrAsync(
        string bucket, Func<bool, Task<JoinOutcome>> attempt, CancellationToken cancellationToken)
    {
        var verdict = await throttle.BeginAsync(bucket, cancellationToken).ConfigureAwait(false);
        if (verdict.RetryAfter is { } wait)
        {
            SessionLog.Throttled(logger, bucket);
            return new JoinOutcome.TooManyAttempts(wait);
        }

        return await attempt(verdict.OverLimit).ConfigureAwait(false);
    }

    private async Task<JoinOutcome> RedeemPinAsync(string pin, bool budgetSpent, string bucket, string? device, CancellationToken cancellationToken)
    {
        string? callSid;
        using (PhoneBridgeTelemetry.Source.StartActivity("join.redeem"))
        {
            callSid = await pins.RedeemAsync(pin, cancellationToken).ConfigureAwait(false);
        }

        if (callSid is null)
        {
            return Refuse(bucket);
        }

        // The PIN is spent: finish the join even if the browser gives up, or the caller would be
        // left with a used PIN and no session behind it. Taking the attempt back also says whether
        // guesses that arrived alongside this one have spent the budget since it was counted.
        budgetSpent |= await throttle.SucceededAsync(bucket, CancellationToken.None).ConfigureAwait(false);
        var call = await calls.GetAsync(callSid, CancellationToken.None).ConfigureAwait(false);
        var session = await store.OpenForCallAsync(callSid, call?.AnsweringAgent, CancellationToken.None).ConfigureAwait(false);
        await callOrders.SessionOpenedAsync(session.Id, callSid, CancellationToken.None).ConfigureAwait(false);
        var admission = options.Value.Admission == JoinAdmission.Auto && !budgetSpent
            ? AdmissionState.Admitted
            : AdmissionState.Pending;
        if (budgetSpent)
        {
            SessionLog.AdmissionForced(logger, session.Id);
        }

        return await EnterAsync(session, admission, device, bucket).ConfigureAwait(false);
    }

    // A device code is minted by an admitted customer of the session (the same person), an invite
    // by its agent in charge for the conversation's own address, 128 bits that cannot be guessed
    // (docs/security.md, "Escalation links"): either way the joiner is let in directly.
    private async Task<JoinOutcome> AdmitAsync(
        Func<CancellationToken, Task<string?>> redeem, string bucket, string? device, CancellationToken cancellationToken)
    {
        string? sessionId;
        using (PhoneBridgeTelemetry.Source.StartActivity("join.redeem"))
        {
            sessionId = await redeem(cancellationToken).ConfigureAwait(false);
        }

        var session = sessionId is null ? null : await store.GetAsync(sessionId, CancellationToken.None).ConfigureAwait(false);
        if (session is null)
        {
            return Refuse(bucket);
        }

        await throttle.SucceededAsync(bucket, CancellationToken.None).ConfigureAwait(false);
        return await EnterAsync(session, AdmissionState.Admitted, device, bucket).ConfigureAwait(false);
    }

    private async Task<JoinOutcome> EnterAsync(CovisorSession session, AdmissionState admission, string? device, string bucket)
    {
        using var activity = PhoneBridgeTelemetry.Source.StartActivity("join.admit");
        activity?.SetTag("join.admission", JoinJson.Admission(admission));
        var cancellationToken = CancellationToken.None;
        Participant participant;
        try
        {
            participant = session.IsClosed
                ? throw new InvalidOperationException("The session is closed.")
                : await store.AddParticipantAsync(session.Id, admission, device, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The session closed (its call ended) between the secret and the join.
            return Refuse(bucket);
        }

        var expiresAt = time.GetUtcNow() + options.Value.TokenLifetime;
        var token = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, participant.Id, session.Id, expiresAt), cancellationToken)
            .ConfigureAwait(false);
        if (await tokens.ValidateAsync(token, cancellationToken).ConfigureAwait(false) is { } issued)
        {
            await store.RememberTokenAsync(session.Id, participant.Id, issued.TokenId, cancellationToken).ConfigureAwait(false);
        }

        SessionLog.Joined(logger, session.Id, participant.Id, participant.Admission);
        await notifier.ParticipantJoinedAsync(session, participant, cancellationToken).ConfigureAwait(false);
        return new JoinOutcome.Joined(new JoinResponse(
            session.Id, token, JoinJson.Agent(agents, session.AgentUsername), JoinJson.Admission(participant.Admission)));
    }

    // The attempt stays counted: a failure releases nothing.
    private JoinOutcome.Refused Refuse(string bucket)
    {
        SessionLog.Refused(logger, bucket);
        return new JoinOutcome.Refused();
    }
}
