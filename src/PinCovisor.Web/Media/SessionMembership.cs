using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Media;

/// <summary>
/// Applies <see cref="SessionAccess.Allows"/> to HTTP requests: loads the session and, for a
/// customer, their participant record, then answers with the problem to return (or null to go on).
/// </summary>
internal static class SessionMembership
{
    /// <summary>Null when <paramref name="user"/> may use the session; otherwise a 404 or 403 problem.</summary>
    public static async Task<ProblemHttpResult?> RefuseAsync(
        RedisSessionStore sessions, ClaimsPrincipal user, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var session = IsWellFormed(sessionId) ? await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) : null;
        if (session is null)
        {
            return Problems.NotFound("No such session.");
        }

        var participant = await OwnParticipantAsync(sessions, user, sessionId, cancellationToken).ConfigureAwait(false);
        return SessionAccess.Allows(user, session, participant)
            ? null
            : Problems.Forbidden("Only the agent in charge and the admitted customers of this session may use it.");
    }

    /// <summary>
    /// True for any agent, and for a customer admitted to a session that is still open: the people
    /// who may see shop-wide content such as videos and products.
    /// </summary>
    public static async Task<bool> IsParticipantAsync(RedisSessionStore sessions, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAgent())
        {
            return true;
        }

        if (user.CustomerSession() is not { } sessionId || !IsWellFormed(sessionId))
        {
            return false;
        }

        var session = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var participant = await OwnParticipantAsync(sessions, user, sessionId, cancellationToken).ConfigureAwait(false);
        return SessionAccess.Allows(user, session, participant);
    }

    private static async Task<Participant?> OwnParticipantAsync(
        RedisSessionStore sessions, ClaimsPrincipal user, string sessionId, CancellationToken cancellationToken) =>
        user.CustomerSession() == sessionId && user.ParticipantId() is { } participantId && IsWellFormed(participantId)
            ? await sessions.GetParticipantAsync(sessionId, participantId, cancellationToken).ConfigureAwait(false)
            : null;

    // Ids become Redis key components; a malformed one cannot name anything, so it is simply unknown.
    private static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 128 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
