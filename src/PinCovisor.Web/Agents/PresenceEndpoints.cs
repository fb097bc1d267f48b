using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Agents;

/// <summary><c>GET /api/agents</c> and <c>PUT /api/agents/me/presence</c>, for agents.</summary>
internal static class PresenceEndpoints
{
    public static RouteGroupBuilder MapPresence(this RouteGroupBuilder agents)
    {
        agents.MapGet("/", ListAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("ListAgentPresence");
        agents.MapPut("/me/presence", SetAsync).RequireAuthorization(CovisorClaims.AgentPolicy).WithName("SetMyPresence");
        return agents;
    }

    private static async Task<Ok<List<AgentPresenceView>>> ListAsync(RedisAgentPresence presence, HttpContext http)
    {
        var all = await presence.GetAllAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(all.Select(AgentPresenceView.Of).ToList());
    }

    private static async Task<Results<Ok<AgentPresenceView>, ValidationProblem>> SetAsync(
        PresenceRequest request, ClaimsPrincipal user, RedisAgentPresence presence, HttpContext http)
    {
        if (!AgentStatuses.TryParse(request.Status, out var status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = ["One of available, busy or away."],
            });
        }

        var entry = await presence.SetAsync(user.AgentUsername()!, status, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(AgentPresenceView.Of(entry));
    }
}
