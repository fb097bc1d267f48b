using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Visitors;

/// <summary>How an invitation attempt ended.</summary>
internal abstract record InviteOutcome
{
    public sealed record Invited(string SessionId) : InviteOutcome;

    public sealed record AlreadyInvited : InviteOutcome;

    public sealed record UnknownVisitor : InviteOutcome;
}

/// <summary>
/// Opens a web session for a visitor an agent invites, and hands its token to the visitor on their
/// next page view. The token waits in Redis only until then, at most the invitation's lifetime.
/// </summary>
internal sealed class VisitorInvitations(
    RedisVisitorStore visitors, ISessionStore sessions, IAccessTokens tokens, ISessionNotifier notifier, IAgentDirectory agents,
    TimeProvider time, IOptions<VisitorsOptions> options, ILogger<VisitorInvitations> logger)
{
    public async Task<InviteOutcome> InviteAsync(string visitorId, string agent, CancellationToken cancellationToken = default)
    {
        if (!await visitors.ExistsAsync(visitorId, cancellationToken).ConfigureAwait(false))
        {
            logger.InviteRefused(agent, visitorId, "unknown or expired visitor");
            return new InviteOutcome.UnknownVisitor();
        }

        // Checked first so that a second click does not open a session only to throw it away.
        if (await visitors.HasInvitationAsync(visitorId, cancellationToken).ConfigureAwait(false))
        {
            logger.InviteRefused(agent, visitorId, "an invitation is already waiting");
            return new InviteOutcome.AlreadyInvited();
        }

        var device = await visitors.DeviceAsync(visitorId, cancellationToken).ConfigureAwait(false);
        var session = await sessions.OpenForWebAsync(agent, cancellationToken).ConfigureAwait(false);
        // The agent chose this visitor, so there is no waiting room to pass.
        var participant = await sessions.AddParticipantAsync(session.Id, AdmissionState.Admitted, device, cancellationToken).ConfigureAwait(false);
        var token = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, participant.Id, session.Id,
            time.GetUtcNow() + options.Value.TokenLifetime), cancellationToken).ConfigureAwait(false);
        if (await tokens.ValidateAsync(token, cancellationToken).ConfigureAwait(false) is { } issued)
        {
            await sessions.RememberTokenAsync(session.Id, participant.Id, issued.TokenId, cancellationToken).ConfigureAwait(false);
        }

        if (!await visitors.TryInviteAsync(visitorId, new PendingInvitation(session.Id, token, agent), cancellationToken).ConfigureAwait(false))
        {
            // Another agent's invitation landed in between: theirs stands, this session goes.
            await sessions.CloseAsync(session.Id, cancellationToken).ConfigureAwait(false);
            await tokens.RevokeSessionAsync(session.Id, cancellationToken).ConfigureAwait(false);
            logger.InviteRefused(agent, visitorId, "an invitation is already waiting");
            return new InviteOutcome.AlreadyInvited();
        }

        await notifier.ParticipantJoinedAsync(session, participant, cancellationToken).ConfigureAwait(false);
        logger.Invited(agent, visitorId, session.Id);
        return new InviteOutcome.Invited(session.Id);
    }

    /// <summary>The waiting invitation, removed as it is read so it is delivered once; null when none.</summary>
    public async Task<InvitationView?> DeliverAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        if (await visitors.TakeInvitationAsync(visitorId, cancellationToken).ConfigureAwait(false) is not { } pending)
        {
            return null;
        }

        logger.Delivered(visitorId, pending.SessionId);
        return new InvitationView(pending.SessionId, pending.Token, JoinJson.Agent(agents, pending.AgentUsername));
    }
}
