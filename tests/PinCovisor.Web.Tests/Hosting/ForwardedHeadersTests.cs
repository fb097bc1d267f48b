using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Hosting;

[Collection(RedisCollection.Name)]
public sealed class ForwardedHeadersTests(RedisServers servers)
{
    [Fact]
    public async Task TheStartUpLogSaysThatNoProxyIsTrustedWhenNoneIsListed()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);

        host.Logs.Lines.Should().ContainSingle(l => l.Contains("No proxy is trusted", StringComparison.Ordinal));
        host.Logs.Lines.Should().NotContain(l => l.Contains("are trusted from proxies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheStartUpLogNamesTheTrustedProxiesAndNetworks()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["ForwardedHeaders:KnownProxies:1"] = "2001:db8::5",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
        });

        host.Logs.Lines.Where(l => l.Contains("are trusted from proxies", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain("127.0.0.1, 2001:db8::5").And.Contain("10.0.0.0/8");
        host.Logs.Lines.Should().NotContain(l => l.Contains("No proxy is trusted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.1")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0")]
    public void AProxySettingThatIsNotAnAddressStopsTheHostNamingTheKey(string key, string value)
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "", [key] = value });

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(string.Join(':', key.Split(':').Take(2)));
    }
}
