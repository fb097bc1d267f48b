using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace PinCovisor.Web.Health;

/// <summary>
/// Whether Redis runs a command in the host's own database, as every request does. A PING of each
/// endpoint can succeed where no command does: a connection string naming a <c>defaultDatabase</c>
/// that a Redis Cluster (database 0 only) does not have, or an ACL user without read rights.
/// </summary>
internal sealed class RedisDatabaseCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    /// <summary>Read, never written: its slot decides which cluster node answers.</summary>
    private static readonly RedisKey Probe = "pb:{readyz}:probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().KeyExistsAsync(Probe).WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or RedisCommandException)
        {
            return HealthCheckResult.Unhealthy($"Redis answers, but not to the host's commands: {e.GetBaseException().Message}");
        }
    }
}
