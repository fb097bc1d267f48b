using StackExchange.Redis;

namespace PinCovisor.Web.Health;

/// <summary>
/// The SignalR backplane's own Redis connection, when the host scales out through Redis. The hub's
/// live events travel on it, so the host is not ready while it is down even if the main connection
/// is back: events pushed then would reach no other host's clients.
/// </summary>
internal sealed class BackplaneConnection
{
    private volatile IConnectionMultiplexer? _multiplexer;

    /// <summary>The backplane's connection once made; null without a backplane (one host, embedded store).</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>True without a backplane, else whether its connection is up.</summary>
    public bool IsConnected => _multiplexer is not { } multiplexer || multiplexer.IsConnected;

    /// <summary>Connects the backplane as SignalR would, keeping the connection to watch.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration, TextWriter log)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration, log).ConfigureAwait(false);
        _multiplexer = multiplexer;
        return multiplexer;
    }
}
