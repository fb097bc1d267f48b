using System.Net;
using System.Net.Http.Headers;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Auth;

[Collection(RedisCollection.Name)]
public sealed class AuthProblemTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MissingOrRevokedCredentialsGet401ProblemAndTheWrongRoleGets403Problem()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var seeded = await SessionSeeder.SeedAsync(host);
        using var http = host.CreateLoopbackClient();

        using var anonymous = await http.GetAsync(new Uri("/api/sessions", UriKind.Relative)).WaitAsync(Timeout);
        using var forged = await SendAsync(http, "/api/sessions", "pbt_" + new string('A', 43));
        using var customerOnAgentApi = await SendAsync(http, "/api/sessions", seeded.CustomerToken);

        foreach (var (response, status) in new[]
        {
            (anonymous, HttpStatusCode.Unauthorized), (forged, HttpStatusCode.Unauthorized), (customerOnAgentApi, HttpStatusCode.Forbidden),
        })
        {
            response.StatusCode.Should().Be(status);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().Contain($"\"status\":{(int)status}");
        }
    }

    [Fact]
    public async Task AnImageCanBeLoadedByUrlWithTheTokenInTheQueryButNoOtherApiTakesItThere()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var seeded = await SessionSeeder.SeedAsync(host);
        using var http = host.CreateLoopbackClient();
        using var agent = MediaUploads.ClientFor(host, seeded.AgentToken);
        var mediaUrl = (await MediaUploads.UploadAsync(agent, seeded.SessionId, TestImages.Jpeg(8, 8, SkiaSharp.SKColors.Red, SkiaSharp.SKColors.Blue))).Url;

        using var image = await http.GetAsync(new Uri($"{mediaUrl}?access_token={seeded.CustomerToken}", UriKind.Relative)).WaitAsync(Timeout);
        using var api = await http.GetAsync(new Uri($"/api/sessions/{seeded.SessionId}?access_token={seeded.CustomerToken}", UriKind.Relative)).WaitAsync(Timeout);

        image.StatusCode.Should().Be(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        api.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request).WaitAsync(Timeout);
    }
}
