using System.Net;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Health;

[Collection(RedisCollection.Name)]
public sealed class HealthTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ReadinessAndLivenessAreOkWhenRedisAnswers(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        using var http = host.CreateLoopbackClient();

        using var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
