using System.Net;
using System.Net.Sockets;
using Garnet;

namespace PinCovisor.Web.Redis;

/// <summary>
/// A Redis-compatible server (Microsoft Garnet) running inside this process on a loopback port,
/// so the product runs with nothing installed. It holds state in memory only: one host, no
/// persistence. Production points <c>ConnectionStrings:Redis</c> at a real Redis instead.
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;

    private EmbeddedGarnet(GarnetServer server, int port)
    {
        _server = server;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    /// <summary>Starts a server on a free loopback port (or on <paramref name="port"/> when non-zero).</summary>
    public static EmbeddedGarnet Start(int port = 0)
    {
        // Garnet cannot report the port it bound for port 0, so a free one is chosen first; a
        // concurrent process could take it in between, hence the few retries.
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port != 0 ? port : FreeLoopbackPort();
            GarnetServer? server = null;
            try
            {
                server = new GarnetServer(
                [
                    "--bind", "127.0.0.1",
                    "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--lua", "true",
                    "--memory", "256m",
                    "--index", "16m",
                    "-q",
                ]);
                server.Start();
                return new EmbeddedGarnet(server, chosen);
            }
            catch (Exception) when (port == 0 && attempt < 3)
            {
                server?.Dispose();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _server.Dispose();
}
