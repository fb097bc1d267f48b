using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubOptionsTests(RedisServers servers)
{
    [Theory]
    [InlineData("Hub:HistoryLifetime", "00:00:00")]
    [InlineData("Hub:MaxHistoryEvents", "-1")]
    [InlineData("Hub:MaxHistoryBytes", "65536")]
    [InlineData("Hub:ReplayPageSize", "0")]
    [InlineData("Hub:ReplayPageBytes", "1024")]
    [InlineData("Hub:MaxCustomerConnections", "0")]
    [InlineData("Hub:MaxAgentConnections", "0")]
    [InlineData("Hub:CredentialCheckInterval", "00:00:00.500")]
    [InlineData("Hub:MaxMessageBytes", "100")]
    [InlineData("Hub:MessagesPerSecond", "0")]
    [InlineData("Hub:MessagesBurst", "0")]
    [InlineData("Hub:MaxTextLength", "0")]
    [InlineData("Hub:AccessCacheDuration", "00:05:00")]
    [InlineData("Hub:AllowedOrigins:0", "shop.example")]
    public void InvalidSettingsStopTheHostNamingTheKey(string key, string value)
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = servers.ConnectionString(RedisServerKind.Redis),
            [key] = value,
        });

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(key.Replace(":0", "", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultsAreADayOfHistoryThirtyTwoKibibytesAndThirtyCallsASecond()
    {
        var options = new CovisorHubOptions();

        (options.HistoryLifetime, options.MaxHistoryEvents, options.ReplayPageSize).Should().Be((TimeSpan.FromDays(1), 20_000, 500));
        (options.MaxMessageBytes, options.MessagesPerSecond, options.MessagesBurst).Should().Be((32 * 1024L, 30.0, 60));
        (options.MaxTextLength, options.AccessCacheDuration).Should().Be((2000, TimeSpan.FromSeconds(2)));
        (options.MaxHistoryBytes, options.ReplayPageBytes).Should().Be((8L * 1024 * 1024, 256 * 1024));
        (options.MaxCustomerConnections, options.MaxAgentConnections, options.CredentialCheckInterval).Should().Be((5, 10, TimeSpan.FromSeconds(10)));
        options.AllowedOrigins.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheBackplaneIsOnWithAConfiguredRedisAndOffWithTheEmbeddedOne(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);

        var manager = host.Services.GetRequiredService<HubLifetimeManager<CovisorHub>>();
        var hubOptions = host.Services.GetRequiredService<IOptions<HubOptions<CovisorHub>>>().Value;

        if (kind != RedisServerKind.Garnet)
        {
            manager.Should().BeOfType<LocalFirstHubLifetimeManager<CovisorHub>>("the backplane, serving this host's members directly");
            host.Services.GetRequiredService<RedisHubLifetimeManager<CovisorHub>>().Should().NotBeNull();
        }
        else
        {
            manager.Should().BeOfType<DefaultHubLifetimeManager<CovisorHub>>();
        }

        hubOptions.MaximumReceiveMessageSize.Should().Be(32 * 1024);
    }
}
