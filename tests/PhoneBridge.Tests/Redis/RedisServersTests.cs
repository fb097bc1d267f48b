using PhoneBridge.Testing.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Redis;

[Collection(TelephonyRedisCollection.Name)]
public sealed class RedisServersTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task BothServersRunLuaScriptsThatTouchSeveralKeysOfOneSlot(RedisServerKind kind)
    {
        var db = (await servers.ConnectAsync(kind)).GetDatabase();
        var tag = "{t:" + Guid.NewGuid().ToString("N") + "}";
        var result = await db.ScriptEvaluateAsync(
            "redis.call('SET', KEYS[1], ARGV[1], 'PX', 60000); redis.call('HSET', KEYS[2], 'f', ARGV[1]); return redis.call('HGET', KEYS[2], 'f')",
            [new RedisKey(tag + ":a"), new RedisKey(tag + ":b")],
            ["value"]).WaitAsync(TimeSpan.FromSeconds(10));

        ((string?)result).Should().Be("value");
    }
}
