using System.Net;
using System.Net.Sockets;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// The throttle's name for a client: its address as ASP.NET sees it after the forwarded-headers
/// middleware (so only configured proxies can vouch for another address), with IPv6 grouped by /64
/// because one subscriber usually holds a whole /64 and could otherwise rotate through it.
/// </summary>
internal static class ClientBucket
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return "v4-" + address;
        }

        // Key components allow letters, digits, '-' and '.', so the /64 prefix is written in hex.
        return "v6-" + Convert.ToHexStringLower(address.GetAddressBytes().AsSpan(0, 8));
    }
}
