using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Media;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Ivr;
using SkiaSharp;

namespace PinCovisor.Web.Tests.Media;

[Collection(RedisCollection.Name)]
public sealed class MediaAccessTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task CustomerOfAnotherSessionGets403OnUploadAndDownload(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var mine = await SessionSeeder.SeedAsync(host);
        var theirs = await SessionSeeder.SeedAsync(host);
        using var owner = MediaUploads.ClientFor(host, mine.CustomerToken);
        using var stranger = MediaUploads.ClientFor(host, theirs.CustomerToken);
        var uploaded = await MediaUploads.UploadAsync(owner, mine.SessionId, TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));

        using var upload = await MediaUploads.PostRawAsync(stranger, mine.SessionId, TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));
        using var download = await stranger.GetAsync(uploaded.Url).WaitAsync(Timeout);
        using var viaOwnSession = await stranger.GetAsync($"/api/sessions/{theirs.SessionId}/media/{uploaded.MediaId}").WaitAsync(Timeout);

        await upload.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await download.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await viaOwnSession.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AgentNotInChargeAndCustomerStillWaitingGet403()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host, agent: "ana");
        var (_, waitingToken) = await SessionSeeder.AddCustomerAsync(host, session.SessionId, AdmissionState.Pending);
        using var bruno = MediaUploads.ClientFor(host, await SessionSeeder.AgentTokenAsync(host, "bruno"));
        using var waiting = MediaUploads.ClientFor(host, waitingToken);
        var image = TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue);

        using var byBruno = await MediaUploads.PostRawAsync(bruno, session.SessionId, image);
        using var byWaiting = await MediaUploads.PostRawAsync(waiting, session.SessionId, image);

        await byBruno.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await byWaiting.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnonymousUploadGets401()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host);
        using var anonymous = host.CreateLoopbackClient();

        using var response = await MediaUploads.PostRawAsync(anonymous, session.SessionId, TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task UnknownMediaAndUnknownSessionAre404Problems(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var session = await SessionSeeder.SeedAsync(host);
        using var agent = MediaUploads.ClientFor(host, session.AgentToken);

        using var unknownMedia = await agent.GetAsync($"/api/sessions/{session.SessionId}/media/m_AAAAAAAAAAAAAAAAAAAAAA").WaitAsync(Timeout);
        using var malformedMedia = await agent.GetAsync($"/api/sessions/{session.SessionId}/media/..%2F..%2Fetc").WaitAsync(Timeout);
        using var unknownSession = await MediaUploads.PostRawAsync(agent, "s_nosuchsession", TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));
        using var malformedSession = await agent.GetAsync("/api/sessions/%7Bslot%7D/media/m_AAAAAAAAAAAAAAAAAAAAAA").WaitAsync(Timeout);

        await unknownMedia.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await malformedMedia.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await unknownSession.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await malformedSession.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ServedImageCarriesNosniffInlineDispositionAndPrivateCaching()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        using var agent = MediaUploads.ClientFor(host, session.AgentToken);
        var jpeg = await MediaUploads.UploadAsync(customer, session.SessionId, TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));
        var png = await MediaUploads.UploadAsync(customer, session.SessionId, TestImages.PngWithAlpha(8, 8));

        using var servedJpeg = await agent.GetAsync(jpeg.Url).WaitAsync(Timeout);
        using var servedPng = await agent.GetAsync(png.Url).WaitAsync(Timeout);

        servedJpeg.StatusCode.Should().Be(HttpStatusCode.OK);
        servedJpeg.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        servedJpeg.Content.Headers.ContentDisposition!.ToString().Should().Be($"inline; filename=\"{jpeg.MediaId}.jpg\"");
        servedJpeg.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        servedJpeg.Headers.CacheControl!.Private.Should().BeTrue();
        servedPng.Content.Headers.ContentDisposition!.ToString().Should().Be($"inline; filename=\"{png.MediaId}.png\"");
        servedPng.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
    }

    [Fact]
    public async Task ExistsAsyncSeesOnlyTheSessionsOwnMedia()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var mine = await SessionSeeder.SeedAsync(host);
        var theirs = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, mine.CustomerToken);
        var uploaded = await MediaUploads.UploadAsync(customer, mine.SessionId, TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));
        var store = host.Services.GetRequiredService<RedisMediaStore>();

        (await store.ExistsAsync(mine.SessionId, uploaded.MediaId).WaitAsync(Timeout)).Should().BeTrue();
        (await store.ExistsAsync(theirs.SessionId, uploaded.MediaId).WaitAsync(Timeout)).Should().BeFalse();
        (await store.ExistsAsync(mine.SessionId, "m_not-a-real-id").WaitAsync(Timeout)).Should().BeFalse();
    }
}
