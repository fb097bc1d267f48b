using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Properties;

/// <summary>A hub scenario on Garnet whose rate limit no property run reaches (runs and shrinking fire calls back to back).</summary>
internal static class Unthrottled
{
    public static Task<HubScenario> StartAsync(RedisServers servers) =>
        HubScenario.StartAsync(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["Hub:MessagesPerSecond"] = "10000",
            ["Hub:MessagesBurst"] = "10000",
        });
}
