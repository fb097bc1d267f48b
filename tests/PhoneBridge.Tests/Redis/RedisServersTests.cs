using PhoneBridge.Testing.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Redis;

[Collection(TelephonyRedisCollection.Name)]
public sealed class RedisServersTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task EveryServerRunsLuaScriptsThatTouchSeveralKeysOfOneSlot(RedisServerKind kind)
    {
        var db = (await servers.ConnectAsync(kind)).GetDatabase();
        var tag = "{t:" + Guid.NewGuid().ToString("N") + "}";
        var result = await db.ScriptEvaluateAsync(
            "redis.call('SET', KEYS[1], ARGV[1], 'PX', 60000); redis.call('HSET', KEYS[2], 'f', ARGV[1]); return redis.call('HGET', KEYS[2], 'f')",
            [new RedisKey(tag + ":a"), new RedisKey(tag + ":b")],
            ["value"]).WaitAsync(TimeSpan.FromSeconds(10));

        ((string?)result).Should().Be("value");
    }

    [Fact]
    public async Task TheClusterRefusesAScriptWhoseKeysLieInTwoSlotsAsAProductionClusterWould()
    {
        var db = (await servers.ConnectAsync(RedisServerKind.Cluster)).GetDatabase();
        const string Script = "return redis.call('MGET', KEYS[1], KEYS[2])";
        RedisKey[] keys = ["t:" + Guid.NewGuid().ToString("N"), "t:" + Guid.NewGuid().ToString("N")];
        while (db.Multiplexer.HashSlot(keys[0]) == db.Multiplexer.HashSlot(keys[1]))
        {
            keys[1] = "t:" + Guid.NewGuid().ToString("N");
        }

        // The client refuses it before sending; sent as raw arguments, the server refuses it too.
        var throughTheClient = () => db.ScriptEvaluateAsync(Script, keys).WaitAsync(TimeSpan.FromSeconds(10));
        var raw = () => db.ExecuteAsync("EVAL", Script, 2, keys[0].ToString(), keys[1].ToString()).WaitAsync(TimeSpan.FromSeconds(10));

        (await throughTheClient.Should().ThrowAsync<RedisCommandException>()).Which.Message.Should().Contain("single slot");
        (await raw.Should().ThrowAsync<RedisServerException>()).Which.Message.Should().Contain("CROSSSLOT");
    }
}
