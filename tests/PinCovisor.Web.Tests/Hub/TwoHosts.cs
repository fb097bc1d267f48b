using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Redis;

namespace PinCovisor.Web.Tests.Hub;

/// <summary>
/// Two hosts on two loopback ports sharing one standalone Redis that neither owns (a Garnet started
/// apart, or the shared redis-server) and one PIN secret, as a scaled-out deployment runs.
/// </summary>
internal sealed class TwoHosts : IAsyncDisposable
{
    private readonly EmbeddedGarnet? _garnet;

    private TwoHosts(EmbeddedGarnet? garnet, Dictionary<string, string?> settings)
    {
        _garnet = garnet;
        First = new PinCovisorHost(settings);
        Second = new PinCovisorHost(settings);
    }

    public PinCovisorHost First { get; }

    public PinCovisorHost Second { get; }

    public static TwoHosts Start(RedisServers servers, RedisServerKind kind)
    {
        var garnet = kind == RedisServerKind.Garnet ? EmbeddedGarnet.Start() : null;
        var hosts = new TwoHosts(garnet, ShopSettings.With(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = garnet?.ConnectionString ?? servers.ConnectionString(kind),
            ["Pins:SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        }));
        hosts.First.BaseAddress.Port.Should().NotBe(hosts.Second.BaseAddress.Port);
        return hosts;
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        _garnet?.Dispose();
    }
}
