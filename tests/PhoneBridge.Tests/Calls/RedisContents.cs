using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

/// <summary>Everything Redis holds under a key pattern, as strings, for asserting what was never stored.</summary>
internal static class RedisContents
{
    /// <summary>Each matching key with every string it holds (values, hash fields, members, scores).</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAsync(IConnectionMultiplexer redis, string pattern)
    {
        var db = redis.GetDatabase();
        var contents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in await PhoneBridge.Testing.Redis.RedisScan.KeysAsync(redis, pattern))
        {
            var type = await db.KeyTypeAsync(key).WaitAsync(TestCalls.Timeout);
            contents[key!] = type switch
            {
                RedisType.String => [(string)(await db.StringGetAsync(key).WaitAsync(TestCalls.Timeout))!],
                RedisType.Hash => (await db.HashGetAllAsync(key).WaitAsync(TestCalls.Timeout))
                    .SelectMany(e => new[] { (string)e.Name!, (string)e.Value! }).ToList(),
                RedisType.SortedSet => (await db.SortedSetRangeByRankWithScoresAsync(key).WaitAsync(TestCalls.Timeout))
                    .SelectMany(e => new[] { (string)e.Element!, e.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
                RedisType.Set => (await db.SetMembersAsync(key).WaitAsync(TestCalls.Timeout)).Select(v => (string)v!).ToList(),
                RedisType.List => (await db.ListRangeAsync(key).WaitAsync(TestCalls.Timeout)).Select(v => (string)v!).ToList(),
                _ => [],
            };
        }

        return contents;
    }
}
