using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary>
/// The check every hub method makes before touching a session: <see cref="SessionAccess.Allows"/>
/// against the store. A positive answer is trusted for <see cref="CovisorHubOptions.AccessCacheDuration"/>
/// on that connection; ends, transfers and rejections clear it at once through the control channel.
/// Each time the store is asked, the connection's own credential is checked again too: a revoked
/// token or a disabled agent closes the connection (which the control channel and
/// <see cref="HubCredentialSweep"/> do even for a connection that calls nothing).
/// </summary>
internal sealed class HubAccess(
    RedisSessionStore store,
    RedisAccessTokens tokens,
    IAgentDirectory agents,
    HubControl control,
    TimeProvider time,
    IOptions<CovisorHubOptions> options)
{
    /// <summary>The session, or a <see cref="HubException"/> saying why the caller may not touch it.</summary>
    /// <param name="context">The calling connection.</param>
    /// <param name="sessionId">The session the client named.</param>
    /// <param name="fresh">Ask the store even when a recent answer is cached.</param>
    /// <param name="cancellationToken">The connection's abort token.</param>
    public async Task<CovisorSession> RequireAsync(
        HubCallerContext context, string? sessionId, bool fresh = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = HubConnectionState.Of(context);
        var caller = state.Caller;
        if (string.IsNullOrEmpty(sessionId) || (caller.CustomerSession is { } own && own != sessionId))
        {
            throw HubErrors.NotInSession();
        }

        var now = time.GetUtcNow();
        if (!fresh && state.TryGetGranted(sessionId, now, out var cached))
        {
            return cached;
        }

        // The three reads are independent, so they go out together: one round trip, not three.
        var credential = RequireCredentialAsync(context, cancellationToken);
        var sessionRead = store.GetAsync(sessionId, cancellationToken);
        var participantRead = caller.IsAgent
            ? Task.FromResult<Participant?>(null)
            : store.GetParticipantAsync(sessionId, caller.Subject, cancellationToken);
        await Task.WhenAll(credential, sessionRead, participantRead).ConfigureAwait(false);

        var session = await sessionRead.ConfigureAwait(false) ?? throw HubErrors.NotInSession();
        if (session.IsClosed)
        {
            throw HubErrors.Ended();
        }

        var participant = await participantRead.ConfigureAwait(false);
        if (!SessionAccess.Allows(context.User!, session, participant))
        {
            throw participant?.Admission switch
            {
                AdmissionState.Pending => HubErrors.Waiting(),
                AdmissionState.Rejected => HubErrors.Rejected(),
                _ => HubErrors.NotInSession(),
            };
        }

        state.Grant(sessionId, session, now + options.Value.AccessCacheDuration);
        return session;
    }

    /// <summary>
    /// Checks the connection's own credential: its token still live, an agent still enabled. When
    /// either has died the connection is cut off and <see cref="HubErrors.AccessEnded"/> thrown.
    /// </summary>
    public async Task RequireCredentialAsync(HubCallerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = HubConnectionState.Of(context);
        var revoked = state.Caller.IsAgent && agents.FindByUsername(state.Caller.Subject) is null;
        if (!revoked && state.TokenId is { } tokenId)
        {
            revoked = !(await tokens.AreLiveAsync([tokenId], cancellationToken).ConfigureAwait(false))[0];
        }

        if (revoked)
        {
            await control.CutOffAsync(context).ConfigureAwait(false);
            throw HubErrors.AccessEnded();
        }
    }

    /// <summary>Like <see cref="RequireAsync"/>, and the caller must be the agent in charge.</summary>
    public async Task<CovisorSession> RequireAgentAsync(
        HubCallerContext context, string? sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HubConnectionState.Of(context).Caller.IsAgent)
        {
            throw HubErrors.AgentsOnly();
        }

        return await RequireAsync(context, sessionId, fresh: true, cancellationToken).ConfigureAwait(false);
    }
}
