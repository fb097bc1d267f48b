using System.Net;
using System.Text;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Hosting;

[Collection(RedisCollection.Name)]
public sealed class BadRequestTests(RedisServers servers)
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task MalformedJsonGetsA400ProblemInEveryEnvironment(string environment)
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["environment"] = environment,
            ["Redis:Embedded"] = "true",
        });
        using var http = host.CreateLoopbackClient();
        using var body = new StringContent("{\"username\": ", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/api/agents/login", UriKind.Relative), body).WaitAsync(TimeSpan.FromSeconds(30));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
