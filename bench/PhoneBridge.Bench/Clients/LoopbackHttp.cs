namespace PhoneBridge.Bench.Clients;

/// <summary>One pooled HTTP client per host, with enough connections for the highest concurrency.</summary>
public static class LoopbackHttp
{
    public static HttpClient For(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
