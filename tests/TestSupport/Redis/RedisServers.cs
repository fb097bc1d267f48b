using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Testing.Redis;

/// <summary>
/// The Redis servers (embedded Garnet, redis-server, a three-node Redis Cluster), each started at its
/// first use, once per test assembly, and shared. Tests never depend on each
/// other's data: each builds its own keys (new CallSids, new PINs), so sharing a server is safe.
/// Each test assembly declares a collection over it (xunit wants the definition in the test assembly);
/// use with <c>[Collection(RedisCollection.Name)]</c> and <c>[Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]</c>.
/// </summary>
public sealed class RedisServers : IAsyncLifetime, IDisposable
{
    private readonly Lazy<EmbeddedGarnet> _garnet = new(() => EmbeddedGarnet.Start());
    private readonly Lazy<RedisServerProcess> _redis = new(RedisServerProcess.Start);
    private readonly Lazy<RedisClusterProcess> _cluster = new(RedisClusterProcess.Start);
    private readonly Lazy<RedisClusterProcess> _isolatedCluster = new(RedisClusterProcess.Start);
    private readonly Dictionary<RedisServerKind, ConnectionMultiplexer> _connections = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The database of redis-server that <see cref="IsolatedConnectionString"/> names (every other test uses 0).</summary>
    public const int IsolatedDatabase = 7;

    public static TheoryData<RedisServerKind> Kinds => new() { RedisServerKind.Garnet, RedisServerKind.Redis, RedisServerKind.Cluster };

    public string ConnectionString(RedisServerKind kind) => kind switch
    {
        RedisServerKind.Garnet => _garnet.Value.ConnectionString,
        RedisServerKind.Redis => _redis.Value.ConnectionString,
        RedisServerKind.Cluster => _cluster.Value.ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// A store apart from the one every other test shares, for tests whose data other tests would see
    /// (agents the IVR rings, a webhook queue's deliveries): database <see cref="IsolatedDatabase"/> of
    /// the redis-server, a second cluster (a cluster has only database 0).
    /// </summary>
    public string IsolatedConnectionString(RedisServerKind kind) => kind switch
    {
        RedisServerKind.Redis => $"{_redis.Value.ConnectionString},defaultDatabase={IsolatedDatabase}",
        RedisServerKind.Cluster => _isolatedCluster.Value.ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Garnet is embedded in each host, which starts empty."),
    };

    /// <summary>One shared multiplexer per server, as the product holds one per process.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync(RedisServerKind kind)
    {
        await _gate.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            if (!_connections.TryGetValue(kind, out var connection))
            {
                connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString(kind))
                    .WaitAsync(TimeSpan.FromSeconds(30));
                _connections[kind] = connection;
            }

            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }

        if (_garnet.IsValueCreated)
        {
            _garnet.Value.Dispose();
        }

        if (_redis.IsValueCreated)
        {
            _redis.Value.Dispose();
        }

        foreach (var cluster in new[] { _cluster, _isolatedCluster }.Where(c => c.IsValueCreated))
        {
            cluster.Value.Dispose();
        }

        Dispose();
    }

    public void Dispose() => _gate.Dispose();
}
