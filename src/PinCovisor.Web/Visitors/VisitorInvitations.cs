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

    public sealed record InSession : InviteOutcome;

    public sealed record UnknownVisitor : InviteOutcome;
}

/// <summary>
/// Opens a web session for a visitor an agent invites, and lets the visitor in on their next page
/// view. Until then Redis holds only the session's id: the visitor's place and token are made as
/// the invitation is handed over, so no bearer token ever waits in Redis.
/// </summary>
internal sealed class VisitorInvitations(
    RedisVisitorStore visitors, RedisSessionStore sessions, RedisAccessTokens tokens, ISessionNotifier notifier, IAgentDirectory agents,
    TimeProvider time, IOptions<VisitorsOptions> options, ILogger<VisitorInvitations> logger)
{
    public async Task<InviteOutcome> InviteAsync(string visitorId, string agent, CancellationToken cancellationToken = default)
    {
        if (!await visitors.ExistsAsync(visitorId, cancellationToken).ConfigureAwait(false))
        {
            logger.InviteRefused(agent, visitorId, "unknown or expired visitor");
            return new InviteOutcome.UnknownVisitor();
        }

        // A visitor already with an agent (joined by PIN, or let in by an earlier invitation) is not
        // pulled into a second session.
        if (await visitors.IsInSessionAsync(visitorId, cancellationToken).ConfigureAwait(false))
        {
            logger.InviteRefused(agent, visitorId, "already in a session");
            return new InviteOutcome.InSession();
        }

        // Checked first so that a second click does not open a session only to throw it away.
        if (await visitors.HasInvitationAsync(visitorId, cancellationToken).ConfigureAwait(false))
        {
            logger.InviteRefused(agent, visitorId, "an invitation is already waiting");
            return new InviteOutcome.AlreadyInvited();
        }

        var session = await sessions.OpenForWebAsync(agent, cancellationToken).ConfigureAwait(false);
        if (!await visitors.TryInviteAsync(visitorId, session.Id, cancellationToken).ConfigureAwait(false))
        {
            // Another agent's invitation landed in between: theirs stands, this session goes.
            await sessions.CloseAsync(session.Id, cancellationToken).ConfigureAwait(false);
            logger.InviteRefused(agent, visitorId, "an invitation is already waiting");
            return new InviteOutcome.AlreadyInvited();
        }

        logger.Invited(agent, visitorId, session.Id);
        return new InviteOutcome.Invited(session.Id);
    }

    /// <summary>
    /// The waiting invitation, taken as it is read so it is delivered once: the visitor joins the
    /// session (pending unless <c>Visitors:Admission</c> is <c>Auto</c>) with a token minted now.
    /// Null when none waits, or its session has closed meanwhile.
    /// </summary>
    public async Task<InvitationView?> DeliverAsync(string visitorId, string? device, CancellationToken cancellationToken = default)
    {
        var sessionId = await visitors.TakeInvitationAsync(visitorId, cancellationToken).ConfigureAwait(false);
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return null;
        }

        // Taken: finish even if the page goes away, or the invitation would vanish unused.
        var none = CancellationToken.None;
        var session = await sessions.GetAsync(sessionId!, none).ConfigureAwait(false);
        if (session is null || session.IsClosed || await TryJoinAsync(session.Id, device).ConfigureAwait(false) is not { } participant)
        {
            logger.InvitationLapsed(visitorId, sessionId!);
            return null;
        }

        var token = await tokens.IssueAsync(new AccessGrant(AccessKind.Customer, participant.Id, session.Id,
            time.GetUtcNow() + options.Value.TokenLifetime), none).ConfigureAwait(false);
        if (await tokens.ValidateAsync(token, none).ConfigureAwait(false) is { } issued)
        {
            await sessions.RememberTokenAsync(session.Id, participant.Id, issued.TokenId, none).ConfigureAwait(false);
        }

        await notifier.ParticipantJoinedAsync(session, participant, none).ConfigureAwait(false);
        logger.Delivered(visitorId, session.Id, participant.Admission);
        return new InvitationView(session.Id, token, Agent(session.AgentUsername), JoinJson.Admission(participant.Admission));
    }

    private async Task<Participant?> TryJoinAsync(string sessionId, string? device)
    {
        try
        {
            return await sessions.AddParticipantAsync(sessionId, Admission, device, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null; // The session closed between reading it and joining it.
        }
    }

    private AdmissionState Admission =>
        options.Value.Admission == JoinAdmission.Auto ? AdmissionState.Admitted : AdmissionState.Pending;

    // Customers see display names only: an agent without one is "an agent", never their username.
    private AgentForCustomer? Agent(string? username) =>
        agents.FindByUsername(username) is { DisplayName: { } name } && !string.IsNullOrWhiteSpace(name) ? new AgentForCustomer(name) : null;
}
