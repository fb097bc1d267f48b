using StackExchange.Redis;

namespace PinCovisor.Web.Retention;

/// <summary>
/// Finds every key under one hash tag (<c>pb:{session:s_…}:*</c>) by SCAN on each primary, so that
/// erasing a session also removes keys no one listed (another feature's, or a name added later).
/// The keys found share one slot, so they may go in one multi-key command.
/// </summary>
internal static class SlotKeys
{
    public static async Task<IReadOnlyList<RedisKey>> ScanAsync(IConnectionMultiplexer redis, string tagPrefix, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase().Database;
        var keys = new HashSet<RedisKey>();
        foreach (var server in redis.GetServers().Where(s => s is { IsConnected: true, IsReplica: false }))
        {
            await foreach (var key in server.KeysAsync(database, tagPrefix + ":*", pageSize: 1000).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(key);
            }
        }

        return [.. keys];
    }
}
