using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PinCovisor.Web.Demo;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Pages;

namespace PinCovisor.Web.Visitors;

/// <summary>
/// The origins whose pages may report page views: the shop's, listed in <c>Hub:AllowedOrigins</c>
/// (the list that lets the widget call this host at all), and where the demo runs, the demo
/// shop's (<c>Demo:Origin</c>). This host's own origin is not implied: the agents' list must show
/// only the shop's pages, and a request's Host header, which its sender writes, names nothing here.
/// </summary>
internal sealed class ShopOrigins(IOptions<CovisorHubOptions> hub, IOptions<PageOptions> pages, DemoOrigin demo)
{
    private readonly HashSet<string> _listed = [.. hub.Value.AllowedOrigins.Select(o => OriginCheck.Normalise(o)!)];

    /// <summary>Whether a page view of <paramref name="page"/> sent with these Origin headers (none, or one) counts.</summary>
    public bool AllowPageView(Uri page, StringValues origin) =>
        Allows(page.GetLeftPart(UriPartial.Authority)) && (origin.Count == 0 || (origin.Count == 1 && Allows(origin[0])));

    /// <summary>Whether <paramref name="origin"/> (any case, default port or not) is a shop origin.</summary>
    public bool Allows(string? origin) =>
        OriginCheck.Normalise(origin) is { } normalised
        && (_listed.Contains(normalised) || (pages.Value.DemoOn && demo.Value == normalised));
}
