using System.Security.Cryptography.X509Certificates;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Resilience;

/// <summary>Where a client reaches the product: a host directly, or the proxy in front of the hosts.</summary>
internal sealed record FrontDoor(Func<HttpClient> CreateClient, Uri BaseAddress, Func<X509Certificate?, bool>? TrustServer = null)
{
    public static FrontDoor Of(PinCovisorHost host) => new(host.CreateLoopbackClient, host.BaseAddress);
}
