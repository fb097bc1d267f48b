using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Agents;

/// <summary><c>GET /api/canned-replies</c> for agents; adding and removing under <c>/api/admin/canned-replies</c> for admins.</summary>
internal static class CannedReplyEndpoints
{
    public static IEndpointRouteBuilder MapCannedReplies(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/canned-replies", ListAsync).RequireAuthorization(CovisorClaims.AgentPolicy)
            .WithTags("Agents").WithName("ListCannedReplies");
        return endpoints;
    }

    public static RouteGroupBuilder MapAdminCannedReplies(this RouteGroupBuilder admin)
    {
        admin.MapPost("/canned-replies", AddAsync).ProducesProblem(StatusCodes.Status409Conflict);

        // The shortcut without its '/', e.g. DELETE /api/admin/canned-replies/envio for "/envio".
        admin.MapDelete("/canned-replies/{name}", RemoveAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<IReadOnlyList<CannedReply>>> ListAsync(RedisCannedReplies replies, HttpContext http) =>
        TypedResults.Ok(await replies.ListAsync(http.RequestAborted).ConfigureAwait(false));

    private static async Task<Results<Created<CannedReply>, ValidationProblem, ProblemHttpResult>> AddAsync(
        CannedReplyRequest request, ClaimsPrincipal user, RedisCannedReplies replies, HttpContext http, ILoggerFactory loggers)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CannedReplyRules.IsShortcut(request.Shortcut))
        {
            errors["shortcut"] = ["'/', then 1-32 lower-case letters, digits, '_' or '-', e.g. /envio."];
        }

        if (!CannedReplyRules.IsText(request.Text))
        {
            errors["text"] = [$"Required, up to {CannedReplyRules.MaxTextLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reply = new CannedReply(request.Shortcut!, request.Text!);
        if (!await replies.AddAsync(reply, http.RequestAborted).ConfigureAwait(false))
        {
            return AgentProblems.Conflict($"The shortcut {reply.Shortcut} is taken.");
        }

        AgentLog.CannedReplyChanged(loggers.CreateLogger(typeof(CannedReplyEndpoints)), user.AgentUsername()!, "added", reply.Shortcut);
        return TypedResults.Created($"/api/admin/canned-replies/{reply.Shortcut[1..]}", reply);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string name, ClaimsPrincipal user, RedisCannedReplies replies, HttpContext http, ILoggerFactory loggers)
    {
        var shortcut = "/" + name;
        if (!CannedReplyRules.IsShortcut(shortcut) || !await replies.RemoveAsync(shortcut, http.RequestAborted).ConfigureAwait(false))
        {
            return AgentProblems.NotFound($"No canned reply has the shortcut {shortcut}.");
        }

        AgentLog.CannedReplyChanged(loggers.CreateLogger(typeof(CannedReplyEndpoints)), user.AgentUsername()!, "removed", shortcut);
        return TypedResults.NoContent();
    }
}
