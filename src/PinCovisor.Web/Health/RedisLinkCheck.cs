using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace PinCovisor.Web.Health;

/// <summary>
/// Whether both of the host's links to Redis are up, read without a round trip: the interactive one
/// (commands) and the subscriber one (the hub's backplane and the hosts' control channel). Without
/// the second, requests are answered but live events reach no client.
/// </summary>
internal sealed class RedisLinkCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !redis.IsConnected ? HealthCheckResult.Unhealthy(HealthExtensions.Unreachable)
            : !redis.GetSubscriber().IsConnected() ? HealthCheckResult.Unhealthy("Redis answers, but its subscriber link is down: live hub events cannot travel.")
            : HealthCheckResult.Healthy());
}
