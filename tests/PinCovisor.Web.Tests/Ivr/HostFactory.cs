using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Ivr;

/// <summary>Starts the host against one of the Redis servers.</summary>
internal static class HostFactory
{
    /// <summary>
    /// Garnet: the host embeds its own, exactly as <c>dotnet run</c> does with no connection string.
    /// Redis, Cluster: the shared redis-server process, the shared cluster.
    /// </summary>
    public static PinCovisorHost Start(
        RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Redis"] = kind == RedisServerKind.Garnet ? "" : servers.ConnectionString(kind),
        };
        var host = new PinCovisorHost(all, services);
        _ = host.BaseAddress;
        return host;
    }

    /// <summary>
    /// A host with the demo on, which exists only in Development: the test settings (token, agents)
    /// on top of the Development ones.
    /// </summary>
    public static PinCovisorHost StartDemo(RedisServers servers, IDictionary<string, string?>? settings = null) =>
        Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["environment"] = "Development",
            ["Pages:DemoEnabled"] = "true",
        });
}
