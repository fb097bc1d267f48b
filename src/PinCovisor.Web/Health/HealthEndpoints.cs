using StackExchange.Redis;

namespace PinCovisor.Web.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (Redis answers too).</summary>
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

    private static async Task<IResult> ReadyAsync(IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(RedisBudget, cancellationToken);
            return TypedResults.Ok(new HealthReport("ready"));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return TypedResults.Problem(
                title: "Not ready",
                detail: "Redis is not reachable.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private sealed record HealthReport(string Status);
}
