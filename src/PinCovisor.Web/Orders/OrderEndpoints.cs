using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Orders;

/// <summary>
/// <c>GET /api/orders/{number}?sessionId=</c>: an order mentioned in the agent's session;
/// <c>POST</c> to the same address: an order the agent typed, recorded as mentioned, then looked up.
/// </summary>
internal static class OrderEndpoints
{
    private const int MaxNumberLength = 64;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // GET looks up a number marked in a chat line, POST one the agent typed (only the shop's own numbers).
        var orders = endpoints.MapGroup("/api/orders").RequireAuthorization(CovisorClaims.AgentPolicy).WithTags("Orders")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        orders.MapGet("/{number}", GetAsync).WithName("GetOrder");
        orders.MapPost("/{number}", TypedAsync).WithName("LookUpTypedOrder");
        return endpoints;
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> GetAsync(
        string number, string? sessionId, ClaimsPrincipal user, RedisSessionStore sessions, OrderMentions mentions, OrderBook book,
        CancellationToken cancellationToken)
    {
        if (await RefuseAsync(number, sessionId, user, sessions, book, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        // A number never mentioned gets the unknown order's answer: the agent learns nothing of it.
        return await mentions.WasMentionedAsync(sessionId!, number, cancellationToken).ConfigureAwait(false)
            ? await AnswerAsync(number, book, cancellationToken).ConfigureAwait(false)
            : NoSuchOrder(number);
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> TypedAsync(
        string number, string? sessionId, ClaimsPrincipal user, RedisSessionStore sessions, OrderMentions mentions, OrderBook book,
        OrderNumbers numbers, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(number, sessionId, user, sessions, book, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (!numbers.IsWhole(number))
        {
            return Problems.BadRequest($"{number} is not one of the shop's order numbers (Orders:NumberPattern).");
        }

        await mentions.RecordAsync(sessionId!, [number], cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(number, book, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ProblemHttpResult?> RefuseAsync(
        string number, string? sessionId, ClaimsPrincipal user, RedisSessionStore sessions, OrderBook book, CancellationToken cancellationToken)
    {
        if (!book.IsConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No order source",
                detail: "This shop has no order source configured (Orders:Source).");
        }

        if (number.Length > MaxNumberLength)
        {
            return Problems.BadRequest($"An order number has at most {MaxNumberLength} characters.");
        }

        return string.IsNullOrEmpty(sessionId)
            ? Problems.BadRequest("Name the session the order number was mentioned in (?sessionId=).")
            : await SessionMembership.RefuseAsync(sessions, user, sessionId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> AnswerAsync(string number, OrderBook book, CancellationToken cancellationToken)
    {
        var found = await book.FindAsync(number, cancellationToken).ConfigureAwait(false);
        return found.Outcome switch
        {
            OrderLookupOutcome.Found => TypedResults.Ok(found.Order!),
            OrderLookupOutcome.NotFound => NoSuchOrder(number),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Order source unavailable",
                detail: "The shop's order source is not answering; try again in a moment."),
        };
    }

    private static ProblemHttpResult NoSuchOrder(string number) => Problems.NotFound($"No order {number} in the shop's orders.");
}
