using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Garnet;
using Garnet.server.Auth.Settings;

namespace PinCovisor.Web.Redis;

/// <summary>
/// A Redis-compatible server (Microsoft Garnet) running inside this process on a loopback port,
/// so the product runs with nothing installed. It holds state in memory only: one host, no
/// persistence. Production points <c>ConnectionStrings:Redis</c> at a real Redis instead.
/// Every start draws a new password that only this process knows: any local user can reach a
/// loopback port, and whoever reads or writes the store can forge sessions, tokens and cookies.
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;
    private readonly string _password;

    private EmbeddedGarnet(GarnetServer server, int port, string password)
    {
        _server = server;
        Port = port;
        _password = password;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// A StackExchange.Redis connection string for this server, with its password: a secret, never
    /// to be logged.
    /// </summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={_password},abortConnect=false";

    /// <summary>Starts a server on a free loopback port (or on <paramref name="port"/> when non-zero).</summary>
    public static EmbeddedGarnet Start(int port = 0)
    {
        // Garnet cannot report the port it bound for port 0, so a free one is chosen first; a
        // concurrent process could take it in between, hence the few retries.
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port != 0 ? port : FreeLoopbackPort();
            // Hex: nothing in it that a connection string would read as a separator.
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
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
                ], authenticationSettingsOverride: new PasswordAuthenticationSettings(password));
                server.Start();
                return new EmbeddedGarnet(server, chosen, password);
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
