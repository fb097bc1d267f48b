using System.Net;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Hosting;

public sealed class EmbeddedStoreStartupTests
{
    [Fact]
    public void InProductionWithNoRedisConfiguredAndNoEmbeddedChoiceTheHostRefusesToStartNamingBothSettings()
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "", ["environment"] = "Production" });

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should()
            .Contain("ConnectionStrings:Redis").And.Contain("Redis:Embedded=true").And.Contain("Production");
    }

    [Fact]
    public async Task InProductionRedisEmbeddedTrueStartsTheEmbeddedStore()
    {
        await using var host = new PinCovisorHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "",
            ["environment"] = "Production",
            ["Redis:Embedded"] = "true",
        });
        using var http = host.CreateLoopbackClient();

        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Logs.Lines.Should().Contain(l => l.Contains("embedded Garnet", StringComparison.Ordinal));
    }

    [Fact]
    public void RedisEmbeddedFalseWithNoRedisConfiguredRefusesToStartInAnyEnvironment()
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "", ["Redis:Embedded"] = "false" });

        var start = () => host.BaseAddress;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("ConnectionStrings:Redis").And.Contain("Redis:Embedded");
    }
}
