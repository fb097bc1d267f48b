using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Sessions;

/// <inheritdoc cref="ISessionLifecycle"/>
internal sealed class SessionLifecycle(
    ISessionStore store, IAccessTokens tokens, ISessionNotifier notifier, ILogger<SessionLifecycle> logger) : ISessionLifecycle
{
    public async Task<bool> CloseAsync(string sessionId, string reason, CancellationToken cancellationToken = default)
    {
        var closing = await store.TryCloseAsync(sessionId, cancellationToken).ConfigureAwait(false);

        // Tokens are revoked even when another closer got there first: revoking twice is harmless,
        // and a closer that failed half way must not leave tokens alive.
        if (closing is not null)
        {
            await tokens.RevokeSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        }

        if (closing is not ({ } session, true))
        {
            return false;
        }

        SessionLog.Closed(logger, sessionId, reason);
        await notifier.SessionClosedAsync(session, reason, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
