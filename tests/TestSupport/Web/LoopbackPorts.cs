using System.Net;
using System.Net.Sockets;

namespace PhoneBridge.Testing.Web;

/// <summary>Loopback ports for servers a test starts, or for a Redis that must be unreachable.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now: bound, read, released.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
