using System.Net;

namespace PinCovisor.Web.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint <c>/metrics</c> (section <c>Metrics</c>). On the main port it is for
/// administrators and for a scraper holding <see cref="ScrapeToken"/>; on <see cref="Port"/>, a
/// listener of its own meant for a private address, it is open.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Metrics";

    /// <summary>The shortest scrape token accepted: long enough that it cannot be guessed.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>Serve <c>/metrics</c> at all. Default true; false leaves the instruments recording to no one.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A bearer token (at least 32 characters) that lets a scraper read <c>/metrics</c> on the main
    /// port without an admin's cookie. Default none: only signed-in administrators may.
    /// </summary>
    public string? ScrapeToken { get; set; }

    /// <summary>A port of its own where <c>/metrics</c> is open to whoever reaches it. Default 0: none.</summary>
    public int Port { get; set; }

    /// <summary>The address <see cref="Port"/> listens on. Default <c>127.0.0.1</c>; <c>0.0.0.0</c> for every IPv4 address.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The listener's host, as <c>HttpListener</c> writes it (<c>+</c> for every address).</summary>
    internal string ListenerHost()
    {
        var address = IPAddress.Parse(Address);
        return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "+"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]"
            : address.ToString();
    }
}
