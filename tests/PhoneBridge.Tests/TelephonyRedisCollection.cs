using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Tests;

/// <summary>Tests that share the two Redis servers (embedded Garnet and redis-server).</summary>
[CollectionDefinition(Name)]
public sealed class TelephonyRedisCollection : ICollectionFixture<RedisServers>
{
    public const string Name = "redis";
}
