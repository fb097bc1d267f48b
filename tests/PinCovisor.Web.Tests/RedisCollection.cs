using PhoneBridge.Testing.Redis;

namespace PinCovisor.Web.Tests;

/// <summary>Tests that share the two Redis servers (embedded Garnet and redis-server).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServers>
{
    public const string Name = "redis";
}
