using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
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

    [Fact]
    public async Task AClusterConnectionStringNamingADatabaseTheClusterLacksIsNotReadyAndSaysWhy()
    {
        // Every PING of the cluster's nodes succeeds; every command fails on the SELECT.
        await using var host = new PinCovisorHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = servers.ConnectionString(RedisServerKind.Cluster) + ",defaultDatabase=7",
        });
        using var http = host.CreateLoopbackClient();

        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await ready.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(TimeSpan.FromSeconds(30));
        problem.GetProperty("detail").GetString().Should()
            .StartWith("Redis answers, but not to the host's commands:").And.Contain("database");
    }
}
