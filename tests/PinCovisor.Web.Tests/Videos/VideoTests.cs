using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Ivr;
using PinCovisor.Web.Tests.Media;
using PinCovisor.Web.Videos;

namespace PinCovisor.Web.Tests.Videos;

[Collection(RedisCollection.Name)]
public sealed class VideoTests(RedisServers servers) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("pb-videos-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ParticipantsListFileAndAllowlistedUrlVideos()
    {
        await using var host = StartWithVideos(out _);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);

        var videos = await customer.GetFromJsonAsync<List<ShopVideo>>("/api/videos").WaitAsync(Timeout);

        videos.Should().Equal(
            new ShopVideo("intro", "How to fit the strap", "/api/videos/intro"),
            new ShopVideo("catwalk", "Autumn catwalk", "https://cdn.example.com/catwalk.webm"));
    }

    [Fact]
    public async Task RangeRequestGets206WithContentRangeAndExactlyThoseBytes()
    {
        await using var host = StartWithVideos(out var bytes);
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/videos/intro");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await agent.SendAsync(request).WaitAsync(Timeout);
        var body = await response.Content.ReadAsByteArrayAsync().WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 1000-1999/{bytes.Length}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        response.Headers.AcceptRanges.Should().Contain("bytes");
        body.Should().Equal(bytes[1000..2000]);
    }

    [Fact]
    public async Task OpenEndedRangeAndWholeFileAreServed()
    {
        await using var host = StartWithVideos(out var bytes);
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        using var tail = new HttpRequestMessage(HttpMethod.Get, "/api/videos/intro");
        tail.Headers.Range = new RangeHeaderValue(bytes.Length - 100, null);

        using var tailResponse = await agent.SendAsync(tail).WaitAsync(Timeout);
        var whole = await agent.GetByteArrayAsync("/api/videos/intro").WaitAsync(Timeout);

        tailResponse.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await tailResponse.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[^100..]);
        whole.Should().Equal(bytes);
    }

    [Fact]
    public async Task UnknownVideoIs404AndUrlVideoRedirectsToItsHost()
    {
        await using var host = StartWithVideos(out _);
        using var agent = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "ana"));
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        noRedirects.DefaultRequestHeaders.Authorization = agent.DefaultRequestHeaders.Authorization;

        using var unknown = await agent.GetAsync("/api/videos/nope").WaitAsync(Timeout);
        using var hosted = await noRedirects.GetAsync("/api/videos/catwalk").WaitAsync(Timeout);

        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        hosted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        hosted.Headers.Location.Should().Be(new Uri("https://cdn.example.com/catwalk.webm"));
    }

    [Fact]
    public async Task AnonymousAndWaitingCustomersCannotListOrPlay()
    {
        await using var host = StartWithVideos(out _);
        var session = await SessionSeeder.SeedAsync(host);
        var (_, waitingToken) = await SessionSeeder.AddCustomerAsync(host, session.SessionId, AdmissionState.Pending);
        using var anonymous = host.CreateLoopbackClient();
        using var waiting = MediaUploads.ClientFor(host, waitingToken);

        using var anonymousList = await anonymous.GetAsync("/api/videos").WaitAsync(Timeout);
        using var waitingPlay = await waiting.GetAsync("/api/videos/intro").WaitAsync(Timeout);

        anonymousList.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await waitingPlay.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void UrlVideoOnAHostNotAllowlistedStopsStartUpNamingTheKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Videos:0:Id"] = "elsewhere",
            ["Videos:0:Title"] = "Somewhere else",
            ["Videos:0:Url"] = "https://evil.example.net/x.mp4",
            ["VideoHosts:Allowed:0"] = "cdn.example.com",
        };
        using var host = new PinCovisorHost(settings);

        var start = () => host.BaseAddress;

        start.Should().Throw<Exception>().Which.ToString()
            .Should().Contain("Videos:0:Url host 'evil.example.net' is not in VideoHosts:Allowed");
    }

    [Fact]
    public void MissingFileAndWrongExtensionStopStartUp()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Videos:0:Id"] = "gone",
            ["Videos:0:Title"] = "Gone",
            ["Videos:0:File"] = Path.Combine(_folder, "missing.mp4"),
            ["Videos:1:Id"] = "slides",
            ["Videos:1:Title"] = "Slides",
            ["Videos:1:File"] = Path.Combine(_folder, "slides.pdf"),
        };
        using var host = new PinCovisorHost(settings);

        var start = () => host.BaseAddress;

        var message = start.Should().Throw<Exception>().Which.ToString();
        message.Should().Contain("Videos:0:File").And.Contain("does not exist");
        message.Should().Contain("Videos:1:File must be an .mp4 or .webm file");
    }

    [Fact]
    public void RelativeFilePathsStartAtTheContentRoot() =>
        VideoLibrary.Resolve("/srv/shop", "videos/intro.mp4").Should().Be(Path.GetFullPath("/srv/shop/videos/intro.mp4"));

    private PinCovisorHost StartWithVideos(out byte[] bytes)
    {
        // Any bytes will do: range requests do not care what is inside an .mp4.
        bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        var file = Path.Combine(_folder, "intro.mp4");
        File.WriteAllBytes(file, bytes);
        return HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["Videos:0:Id"] = "intro",
            ["Videos:0:Title"] = "How to fit the strap",
            ["Videos:0:File"] = file,
            ["Videos:1:Id"] = "catwalk",
            ["Videos:1:Title"] = "Autumn catwalk",
            ["Videos:1:Url"] = "https://cdn.example.com/catwalk.webm",
            ["VideoHosts:Allowed:0"] = "cdn.example.com",
        });
    }
}
