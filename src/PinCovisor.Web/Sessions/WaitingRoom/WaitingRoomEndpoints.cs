using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// The agent's side of the waiting room (list, look, admit, reject), and the customer's own view
/// of their session so a waiting page can poll it.
/// </summary>
internal static class WaitingRoomEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapGroup("/api/sessions").WithTags("Sessions");
        sessions.MapGet("", ListAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("ListSessions");
        // An agent gets an AgentSessionView, a customer a CustomerSessionView (the one documented).
        sessions.MapGet("/{sessionId}", GetAsync).RequireAuthorization(CovisorClaims.ParticipantPolicy).WithName("GetSession")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/{sessionId}/participants/{participantId}/admit",
            (string sessionId, string participantId, ClaimsPrincipal user, AdmissionDesk desk, CancellationToken cancellationToken) =>
                desk.DecideAsync(user, sessionId, participantId, AdmissionState.Admitted, cancellationToken))
            .RequireAuthorization(CovisorClaims.AgentPolicy).WithName("AdmitParticipant")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        sessions.MapPost("/{sessionId}/participants/{participantId}/reject",
            (string sessionId, string participantId, ClaimsPrincipal user, AdmissionDesk desk, CancellationToken cancellationToken) =>
                desk.DecideAsync(user, sessionId, participantId, AdmissionState.Rejected, cancellationToken))
            .RequireAuthorization(CovisorClaims.AgentPolicy).WithName("RejectParticipant")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<AgentSessionView[]>> ListAsync(
        ClaimsPrincipal user, RedisSessionStore store, RedisCallStore calls, ConversationStore conversations, CancellationToken cancellationToken)
    {
        var open = await store.ListOpenForAgentAsync(user.AgentUsername()!, cancellationToken).ConfigureAwait(false);
        var views = await Task.WhenAll(open.Select(session => ViewAsync(session, store, calls, conversations, cancellationToken))).ConfigureAwait(false);
        return TypedResults.Ok(views);
    }

    /// <summary>
    /// The agent's view of a session, with the caller's masked number while the call's record lives,
    /// or the writing customer's for a WhatsApp or SMS conversation.
    /// </summary>
    internal static async Task<AgentSessionView> ViewAsync(
        CovisorSession session, RedisSessionStore store, RedisCallStore calls, ConversationStore conversations, CancellationToken cancellationToken)
    {
        var participants = store.ListParticipantsAsync(session.Id, cancellationToken);
        var call = session.CallSid is { } callSid ? await calls.GetAsync(callSid, cancellationToken).ConfigureAwait(false) : null;
        var customer = ConversationOutbox.IsConversation(session)
            ? await conversations.GetCustomerAsync(session.Id, cancellationToken).ConfigureAwait(false)
            : null;
        return AgentSessionView.From(session, await participants.ConfigureAwait(false), call, customer);
    }

    private static async Task<Results<Ok<AgentSessionView>, Ok<CustomerSessionView>, ProblemHttpResult>> GetAsync(
        string sessionId, ClaimsPrincipal user, RedisSessionStore store, RedisCallStore calls, ConversationStore conversations, IAgentDirectory agents,
        CancellationToken cancellationToken)
    {
        if (user.IsCustomer() && user.CustomerSession() != sessionId)
        {
            return SessionProblems.Forbidden();
        }

        var session = await store.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.IsClosed)
        {
            return SessionProblems.NotFound();
        }

        if (user.IsAgent())
        {
            return SessionAccess.Allows(user, session, null)
                ? TypedResults.Ok(await ViewAsync(session, store, calls, conversations, cancellationToken).ConfigureAwait(false))
                : SessionProblems.Forbidden();
        }

        // A waiting customer may look too (not yet allowed in by SessionAccess): only their own
        // admission and the agent's name, which the join already told them.
        var participant = await store.GetParticipantAsync(sessionId, user.ParticipantId()!, cancellationToken).ConfigureAwait(false);
        return participant is null
            ? SessionProblems.NotFound()
            : TypedResults.Ok(CustomerSessionView.From(session, participant, agents));
    }
}
