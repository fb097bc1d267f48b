using StackExchange.Redis;

namespace PinCovisor.Web.Redis;

/// <summary>
/// Connects to Redis before the server takes requests, and says which Redis this host uses
/// (without the password). Connecting lazily on the first request would block every concurrent
/// first request on the singleton's construction and starve the thread pool.
/// </summary>
internal sealed partial class RedisStartup(RedisEndpoint endpoint, IServiceProvider services, ILogger<RedisStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Said before connecting: the line is in the log before anything can use the store, and
        // names the Redis a slow or failing connection is waiting for.
        if (endpoint.EmbeddedPort is { } port)
        {
            Embedded(logger, port, endpoint.EmbeddedDataDirectory is { } directory ? $"data in {directory}" : "in memory only, lost at every restart");
        }
        else
        {
            var options = ConfigurationOptions.Parse(endpoint.ConnectionString);
            External(logger, string.Join(", ", options.EndPoints.Select(e => e.ToString())));
        }

        _ = services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(2000, LogLevel.Information,
        "No ConnectionStrings:Redis configured: embedded Garnet (single host, {Storage}) listening on 127.0.0.1:{Port}, with a password drawn at this start")]
    private static partial void Embedded(ILogger logger, int port, string storage);

    [LoggerMessage(2001, LogLevel.Information, "Using Redis at {Endpoints}")]
    private static partial void External(ILogger logger, string endpoints);
}
