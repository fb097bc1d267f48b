namespace PinCovisor.Web.Redis;

/// <summary>Where this process's Redis is; owns the embedded server when there is one.</summary>
public sealed class RedisEndpoint : IDisposable
{
    private readonly EmbeddedGarnet? _embedded;

    private RedisEndpoint(string connectionString, EmbeddedGarnet? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    /// <summary>The StackExchange.Redis connection string in use; it may hold a password, so it is never logged.</summary>
    public string ConnectionString { get; }

    /// <summary>The embedded server's port, or null when an external Redis is configured.</summary>
    public int? EmbeddedPort => _embedded?.Port;

    /// <summary>The embedded server's data directory, or null when it keeps nothing on disk or Redis is external.</summary>
    public string? EmbeddedDataDirectory => _embedded?.DataDirectory;

    internal static RedisEndpoint Embedded(EmbeddedGarnet server) => new(server.ConnectionString, server);

    internal static RedisEndpoint External(string connectionString) => new(connectionString, null);

    public void Dispose() => _embedded?.Dispose();
}
