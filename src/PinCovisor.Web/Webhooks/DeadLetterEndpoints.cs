using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Webhooks;

/// <summary>A dead letter as admins see it: the message as it was sent, and why it was given up.</summary>
internal sealed record DeadLetterView(
    string Id, string Endpoint, string EventId, string Type, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? DeadAt, JsonElement Message)
{
    public static DeadLetterView Of(WebhookDelivery d) =>
        new(d.Id, d.Endpoint, d.EventId, d.Type, d.Attempts, d.LastError, d.CreatedAt, d.TriedAt, d.DeadAt,
            JsonDocument.Parse(d.Body).RootElement.Clone());
}

/// <summary>
/// <c>GET /api/admin/webhooks/dead-letters</c>, <c>POST …/{id}/retry</c> and <c>DELETE …/{id}</c>, for admins
/// (<see cref="AdminOnlyFilter"/>).
/// </summary>
internal static class DeadLetterEndpoints
{
    /// <summary>Most dead letters one listing shows (the newest).</summary>
    public const int MaxListed = 200;

    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder endpoints)
    {
        var dead = endpoints.MapGroup("/api/admin/webhooks/dead-letters")
            .RequireAuthorization(CovisorClaims.AgentPolicy)
            .AddEndpointFilter<AdminOnlyFilter>()
            .WithTags("Webhooks");
        dead.MapGet("", ListAsync);
        dead.MapPost("/{id}/retry", RetryAsync);
        dead.MapDelete("/{id}", DeleteAsync);
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<DeadLetterView>>> ListAsync(WebhookQueue queue, HttpContext http) =>
        TypedResults.Ok<IReadOnlyList<DeadLetterView>>(
            [.. (await queue.DeadLettersAsync(MaxListed, http.RequestAborted).ConfigureAwait(false)).Select(DeadLetterView.Of)]);

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(
        string id, WebhookQueue queue, ClaimsPrincipal user, ILoggerFactory loggers, HttpContext http)
    {
        if (!await queue.ReviveAsync(id, http.RequestAborted).ConfigureAwait(false))
        {
            return AgentProblems.NotFound($"There is no dead letter {id}.");
        }

        WebhooksLog.Revived(loggers.CreateLogger(typeof(DeadLetterEndpoints)), id, user.AgentUsername() ?? "");
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, WebhookQueue queue, ClaimsPrincipal user, ILoggerFactory loggers, HttpContext http)
    {
        if (!await queue.DiscardAsync(id, http.RequestAborted).ConfigureAwait(false))
        {
            return AgentProblems.NotFound($"There is no dead letter {id}.");
        }

        WebhooksLog.Discarded(loggers.CreateLogger(typeof(DeadLetterEndpoints)), id, user.AgentUsername() ?? "");
        return TypedResults.NoContent();
    }
}
