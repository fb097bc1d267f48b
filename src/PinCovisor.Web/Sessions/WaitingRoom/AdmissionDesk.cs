using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Sessions;

/// <summary>The agent in charge admits or rejects a joiner; a rejected device loses its token at once.</summary>
internal sealed class AdmissionDesk(RedisSessionStore store, RedisAccessTokens tokens, ISessionNotifier notifier, ILogger<AdmissionDesk> logger)
{
    public async Task<Results<Ok<ParticipantView>, ProblemHttpResult>> DecideAsync(
        ClaimsPrincipal user, string sessionId, string participantId, AdmissionState decision, CancellationToken cancellationToken = default)
    {
        var session = await store.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.IsClosed)
        {
            return SessionProblems.NotFound();
        }

        if (!SessionAccess.Allows(user, session, null))
        {
            return SessionProblems.Forbidden();
        }

        var participant = await store.SetAdmissionAsync(sessionId, participantId, decision, cancellationToken).ConfigureAwait(false);
        if (participant is null)
        {
            return SessionProblems.NotFound("participant");
        }

        if (participant.Admission != decision)
        {
            return SessionProblems.Conflict("This device was rejected; the customer can join again with a new PIN or link.");
        }

        SessionLog.AdmissionChanged(logger, user.AgentUsername()!, sessionId, participantId, decision);
        try
        {
            await notifier.AdmissionChangedAsync(session, participant, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // After the news, so the device hears why before revoking its token cuts its connections;
            // the store already refuses it, so the token does nothing in between.
            if (decision == AdmissionState.Rejected
                && await store.FindTokenAsync(sessionId, participantId, CancellationToken.None).ConfigureAwait(false) is { } tokenId)
            {
                await tokens.RevokeAsync(tokenId, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return TypedResults.Ok(ParticipantView.From(participant));
    }
}
