namespace PhoneBridge.Testing.Redis;

/// <summary>The Redis servers every Redis-backed contract runs against.</summary>
public enum RedisServerKind
{
    /// <summary>Microsoft Garnet embedded in the test process, as the product embeds it.</summary>
    Garnet,

    /// <summary>A real <c>redis-server</c> process on a free loopback port.</summary>
    Redis,

    /// <summary>A three-node Redis Cluster of <c>redis-server</c> processes (<see cref="RedisClusterProcess"/>).</summary>
    Cluster,
}
