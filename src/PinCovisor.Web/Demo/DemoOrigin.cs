using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Demo;

/// <summary>
/// The origin the demo lives at: <see cref="DemoOptions.Origin"/>, else the first address this host
/// listens on. Both are the operator's choice; nothing a request carries can change it.
/// </summary>
internal sealed class DemoOrigin(IOptions<DemoOptions> options, IServer server)
{
    private string? _listening;

    /// <summary><c>scheme://host[:port]</c> in lower case; null before the server listens.</summary>
    public string? Value => OriginCheck.Normalise(options.Value.Origin) ?? (_listening ??= Listening());

    private string? Listening() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => OriginCheck.Normalise(a)).FirstOrDefault(a => a is not null);
}
