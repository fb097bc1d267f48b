using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;

namespace PinCovisor.Web.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (Redis answers too, and the hub's backplane is connected).</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan RedisBudget = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new HealthReport("alive")))
            .ExcludeFromDescription();
        endpoints.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(IConnectionMultiplexer redis, BackplaneConnection backplane, CancellationToken cancellationToken)
    {
        // Not connected: say so at once. A PING would wait in the client's backlog for the whole
        // budget, and a probe that takes 2 s to say "no" holds up whoever polls it. Without the
        // backplane, events pushed now would reach no client on another host.
        if (!redis.IsConnected || !backplane.IsConnected)
        {
            return NotReady();
        }

        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(RedisBudget, cancellationToken);
            return TypedResults.Ok(new HealthReport("ready"));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return NotReady();
        }
    }

    private static ProblemHttpResult NotReady() => TypedResults.Problem(
        title: "Not ready",
        detail: "Redis is not reachable.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private sealed record HealthReport(string Status);
}
