using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Media;
using PinCovisor.Web.Tests.Ivr;
using SkiaSharp;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Media;

[Collection(RedisCollection.Name)]
public sealed class UploadLimitTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BodyOverMaxBytesIsRefusedWith413WhetherRawOrMultipart()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Media:MaxBytes"] = "50000" });
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        // A real JPEG header, then far more bytes than allowed.
        var oversized = new byte[200_000];
        TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Red).CopyTo(oversized, 0);

        using var raw = await MediaUploads.PostRawAsync(customer, session.SessionId, oversized);
        using var multipart = await MediaUploads.PostMultipartAsync(customer, session.SessionId, oversized);

        (await raw.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Should().Contain("50000 bytes");
        await multipart.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ChunkedBodyOverMaxBytesIsRefusedWith413()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Media:MaxBytes"] = "50000" });
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        // No Content-Length: the server only learns the size by reading, and must stop at the cap.
        using var content = new StreamContent(new MemoryStream(new byte[300_000]));
        content.Headers.ContentType = new("image/png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{session.SessionId}/media") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await customer.SendAsync(request).WaitAsync(Timeout);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PngDeclaringFiftyThousandSquaredPixelsIsRefusedWith422BeforeDecoding()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        var bomb = TestImages.PngBomb(50_000, 50_000);
        using (var codec = SKCodec.Create(new MemoryStream(bomb)))
        {
            (codec.Info.Width, codec.Info.Height).Should().Be((50_000, 50_000), "Skia must read the declared size from the header");
        }

        using var response = await MediaUploads.PostRawAsync(customer, session.SessionId, bomb, "image/png");

        bomb.Length.Should().BeLessThan(2_000);
        (await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).Should().Contain("40000000 pixels");
    }

    [Fact]
    public async Task TruncatedJpegIsRefusedWith422AndNothingIsStored()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Media:MaxPerSession"] = "1" });
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        var jpeg = TestImages.Jpeg(64, 64, SKColors.Red, SKColors.Blue);

        using var truncated = await MediaUploads.PostRawAsync(customer, session.SessionId, jpeg[..(jpeg.Length / 2)]);
        using var whole = await MediaUploads.PostRawAsync(customer, session.SessionId, jpeg);

        (await truncated.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).Should().Contain("damaged or incomplete");
        whole.StatusCode.Should().Be(HttpStatusCode.Created, "a refused upload takes no place in the quota");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ConcurrentUploadsPastMaxPerSessionGetExactlyTheQuotaAnd429ForTheRest(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, new Dictionary<string, string?> { ["Media:MaxPerSession"] = "3" });
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        var image = TestImages.Jpeg(16, 16, SKColors.Red, SKColors.Blue);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => MediaUploads.PostRawAsync(customer, session.SessionId, image))).WaitAsync(Timeout);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(3);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Should().HaveCount(7);
        (await refused[0].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests)).Should().Contain("3 images");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task UploadThatWouldPassMaxBytesPerSessionIsRefusedWith413AndEarlierImagesStay(RedisServerKind kind)
    {
        var image = TestImages.Jpeg(64, 64, SKColors.Red, SKColors.Blue);
        // Re-encoding is deterministic, so the stored size is known before the host starts.
        using var sanitizer = new ImageSanitizer(Options.Create(new MediaOptions()));
        var storedSize = (await sanitizer.CleanAsync(image).WaitAsync(Timeout)).Image!.Data.Length;
        await using var host = HostFactory.Start(servers, kind, new Dictionary<string, string?>
        {
            ["Media:MaxBytesPerSession"] = (storedSize + 10).ToString(CultureInfo.InvariantCulture),
        });
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        var first = await MediaUploads.UploadAsync(customer, session.SessionId, image);

        using var refused = await MediaUploads.PostRawAsync(customer, session.SessionId, image);

        (await refused.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Should().Contain("bytes of images");
        (await customer.GetAsync(first.Url).WaitAsync(Timeout)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StoredImageKeyCarriesMediaLifetimeAsTtlAndIsCachedPrivatelyNoLonger()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Media:Lifetime"] = "00:10:00" });
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        var uploaded = await MediaUploads.UploadAsync(customer, session.SessionId, TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

        var ttl = await redis.KeyTimeToLiveAsync(MediaKeys.Image(session.SessionId, uploaded.MediaId)).WaitAsync(Timeout);
        using var served = await customer.GetAsync(uploaded.Url).WaitAsync(Timeout);

        ttl.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        served.Headers.CacheControl!.Private.Should().BeTrue();
        served.Headers.CacheControl.MaxAge.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
    }
}
