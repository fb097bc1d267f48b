using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Sessions;

/// <summary>Ends sessions the same way whoever ends them (the agent, or the call's grace period).</summary>
internal sealed class SessionLifecycle(
    RedisSessionStore store, RedisAccessTokens tokens, ISessionNotifier notifier, Csat.CsatQuestions csat, ILogger<SessionLifecycle> logger)
{
    /// <summary>
    /// Closes the session, revokes every customer token of it and tells its people why.
    /// False when it was unknown or already closed.
    /// </summary>
    public async Task<bool> CloseAsync(string sessionId, string reason, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return false;
        }

        // Tokens go first: by the time anyone can see the session closed, nobody can act in it.
        // Revoking is idempotent, so a second closer, or a retry after a failure, repeats it harmlessly.
        await tokens.RevokeSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var closing = await store.TryCloseAsync(sessionId, cancellationToken).ConfigureAwait(false);

        if (closing is not ({ } session, true))
        {
            return false;
        }

        SessionLog.Closed(logger, sessionId, reason);
        // Before session.ended goes out: the customer's copy carries the survey's token, which must find its question.
        await csat.AskAsync(session, reason, cancellationToken).ConfigureAwait(false);
        await notifier.SessionClosedAsync(session, reason, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
