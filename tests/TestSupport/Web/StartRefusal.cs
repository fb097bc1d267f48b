using FluentAssertions;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Testing.Web;

/// <summary>How the options' tests check that an unusable setting stops the host at start, naming its key.</summary>
public static class StartRefusal
{
    /// <summary>A host on redis-server with <paramref name="settings"/> does not start, and says <paramref name="key"/> is why.</summary>
    public static void ShouldStopNaming(RedisServers servers, string key, IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var all = new Dictionary<string, string?>(settings) { ["ConnectionStrings:Redis"] = servers.ConnectionString(RedisServerKind.Redis) };
        using var host = new PinCovisorHost(all);

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(key);
    }
}
