using StackExchange.Redis;

namespace PhoneBridge.Testing.Redis;

/// <summary>What a store holds, for tests that look at every key: SCAN on every primary, so it reads a whole cluster too.</summary>
public static class RedisScan
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The keys matching <paramref name="pattern"/> on every primary of <paramref name="redis"/>, in its default database.</summary>
    public static async Task<List<RedisKey>> KeysAsync(IConnectionMultiplexer redis, string pattern = "*")
    {
        ArgumentNullException.ThrowIfNull(redis);
        using var deadline = new CancellationTokenSource(Timeout);
        var keys = new List<RedisKey>();
        var database = redis.GetDatabase().Database;
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(database, pattern, pageSize: 1000).WithCancellation(deadline.Token))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
