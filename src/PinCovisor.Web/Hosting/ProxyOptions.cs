using System.Net;

namespace PinCovisor.Web.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For/-Proto/-Host</c> this host believes (section
/// <c>ForwardedHeaders</c>). Nothing is trusted unless listed, loopback included: whoever can reach
/// the host directly could otherwise pick the client address the throttles count and the scheme
/// and host of every URL Twilio signs.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (<c>10.0.0.0/8</c>).</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies to unwind, from the nearest.</summary>
    public int ForwardLimit { get; set; } = 1;

    internal static bool AreAddresses(IEnumerable<string> proxies) => proxies.All(p => IPAddress.TryParse(p, out _));

    internal static bool AreNetworks(IEnumerable<string> networks) => networks.All(n => IPNetwork.TryParse(n, out _));
}
