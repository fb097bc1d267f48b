using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Messaging;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Conversations;

/// <summary><c>GET /api/conversations/waiting</c>, <c>POST /api/conversations/{id}/take</c> and <c>GET /api/conversations/templates</c>, for agents.</summary>
internal static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var conversations = endpoints.MapGroup("/api/conversations").RequireAuthorization(CovisorClaims.AgentPolicy)
            .WithTags("Conversations");
        conversations.MapGet("/waiting", ListWaitingAsync).WithName("ListWaitingConversations");
        conversations.MapPost("/{sessionId}/take", TakeAsync).WithName("TakeConversation").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        conversations.MapGet("/templates", (ConversationTemplates templates) => TypedResults.Ok(templates.List())).WithName("ListMessageTemplates");
        return endpoints;
    }

    private static async Task<Ok<AgentSessionView[]>> ListWaitingAsync(
        ConversationStore conversations, RedisSessionStore store, RedisCallStore calls, CancellationToken cancellationToken)
    {
        var waiting = await conversations.ListWaitingAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await Task.WhenAll(waiting.Select(session =>
            WaitingRoomEndpoints.ViewAsync(session, store, calls, conversations, cancellationToken))).ConfigureAwait(false));
    }

    /// <summary>The agent takes a waiting conversation: in charge of it, remembered as the address's last agent.</summary>
    private static async Task<Results<Ok<AgentSessionView>, ProblemHttpResult>> TakeAsync(
        string sessionId, ClaimsPrincipal user, ConversationStore conversations, RedisSessionStore store, RedisCallStore calls,
        ISessionNotifier notifier, IOptions<MessagingOptions> options, ILogger<ConversationStore> logger, CancellationToken cancellationToken)
    {
        var agent = user.AgentUsername()!;
        var session = await store.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.IsClosed || !ConversationOutbox.IsConversation(session))
        {
            return SessionProblems.NotFound("conversation");
        }

        switch (await conversations.TryTakeAsync(sessionId, agent, cancellationToken).ConfigureAwait(false))
        {
            case -1:
                return SessionProblems.NotFound("conversation");
            case 0:
                return SessionProblems.Conflict("Another agent has already taken this conversation.");
        }

        // The agent is in the record already; this also indexes the session under the agent.
        var taken = await store.ReassignAsync(sessionId, agent, cancellationToken).ConfigureAwait(false);
        if (taken is not ({ } assigned, _))
        {
            return SessionProblems.NotFound("conversation");
        }

        if (await conversations.GetCustomerAsync(sessionId, cancellationToken).ConfigureAwait(false) is { } customer)
        {
            await conversations.RememberAgentAsync(customer.Address, agent, options.Value.LastAgentMemory, cancellationToken).ConfigureAwait(false);
        }

        ConversationLog.Taken(logger, sessionId, agent);
        if (session.AgentUsername != agent)
        {
            await notifier.AgentChangedAsync(assigned, null, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(await WaitingRoomEndpoints.ViewAsync(assigned, store, calls, conversations, cancellationToken).ConfigureAwait(false));
    }
}
