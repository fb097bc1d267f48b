using System.Net;
using System.Text;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Tests.Ivr;
using SkiaSharp;

namespace PinCovisor.Web.Tests.Media;

[Collection(RedisCollection.Name)]
public sealed class ImageUploadTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task PhotoWithGpsAndOrientationSixComesBackUprightWithoutExif(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        // Stored 40×20, left half red: orientation 6 means "turn 90° clockwise to show".
        var photo = TestImages.WithExif(TestImages.Jpeg(40, 20, SKColors.Red, SKColors.Blue), orientation: 6);
        using (var codec = SKCodec.Create(new MemoryStream(photo)))
        {
            codec.EncodedOrigin.Should().Be(SKEncodedOrigin.RightTop, "the test image must carry the orientation it claims");
        }

        var uploaded = await MediaUploads.UploadAsync(customer, session.SessionId, photo);
        var served = await customer.GetByteArrayAsync(uploaded.Url).WaitAsync(Timeout);

        uploaded.ContentType.Should().Be("image/jpeg");
        (uploaded.Width, uploaded.Height).Should().Be((20, 40));
        Contains(served, "Exif"u8.ToArray()).Should().BeFalse();
        Contains(served, TestImages.GpsLatitudeRefEntry).Should().BeFalse();
        TestImages.JpegHeaderMarkers(served).Should().NotContain(0xE1, "no APP1 (EXIF/XMP) segment may survive");
        using var bitmap = SKBitmap.Decode(served);
        (bitmap.Width, bitmap.Height).Should().Be((20, 40));
        bitmap.GetPixel(10, 5).Red.Should().BeGreaterThan(200, "the stored left (red) half is now on top");
        bitmap.GetPixel(10, 35).Blue.Should().BeGreaterThan(200, "the stored right (blue) half is now at the bottom");
        uploaded.Bytes.Should().Be(served.Length);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task PngWithTransparencyStaysPngKeepsItsAlphaAndLosesItsTextChunks(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var session = await SessionSeeder.SeedAsync(host);
        using var agent = MediaUploads.ClientFor(host, session.AgentToken);

        var png = TestImages.WithPngText(TestImages.PngWithAlpha(30, 10), "Comment", "GPS 40.4168 N, 3.7038 W");
        TestImages.PngChunks(png).Should().Contain("tEXt");

        var uploaded = await MediaUploads.UploadAsync(agent, session.SessionId, png);
        var served = await agent.GetByteArrayAsync(uploaded.Url).WaitAsync(Timeout);

        uploaded.ContentType.Should().Be("image/png");
        (uploaded.Width, uploaded.Height).Should().Be((30, 10));
        TestImages.PngChunks(served).Should().NotContain(["tEXt", "zTXt", "iTXt", "eXIf", "tIME", "iCCP"]);
        served.AsSpan().IndexOf("GPS 40.4168"u8).Should().Be(-1);
        using var bitmap = SKBitmap.Decode(served);
        bitmap.GetPixel(25, 5).Alpha.Should().Be(0);
        bitmap.GetPixel(5, 5).Alpha.Should().BeInRange(120, 136);
    }

    [Fact]
    public async Task PngNamedJpgAndSentAsImageJpegIsTakenForThePngItIs()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);

        using var response = await MediaUploads.PostMultipartAsync(
            customer, session.SessionId, TestImages.PngWithAlpha(8, 8), fileName: "holiday.jpg", contentType: "image/jpeg");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"contentType\":\"image/png\"");
    }

    [Fact]
    public async Task TextFileNamedPngIsRefusedAsUnsupported()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        var text = Encoding.UTF8.GetBytes("<script>alert('not an image')</script>");

        using var multipart = await MediaUploads.PostMultipartAsync(customer, session.SessionId, text, "cat.png", "image/png");
        using var raw = await MediaUploads.PostRawAsync(customer, session.SessionId, text, "image/png");

        (await multipart.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType)).Should().Contain("JPEG, PNG and WebP");
        await raw.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task WebPUploadIsAcceptedAndServedAsJpeg()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);

        var uploaded = await MediaUploads.UploadAsync(customer, session.SessionId, TestImages.WebP(16, 12));
        using var served = await customer.GetAsync(uploaded.Url).WaitAsync(Timeout);

        uploaded.ContentType.Should().Be("image/jpeg");
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await served.Content.ReadAsByteArrayAsync())[..3].Should().Equal(0xFF, 0xD8, 0xFF);
    }

    [Fact]
    public async Task MultipartBodyWithTwoFilesIsRefused()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var session = await SessionSeeder.SeedAsync(host);
        using var customer = MediaUploads.ClientFor(host, session.CustomerToken);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.PngWithAlpha(4, 4)), "file", "a.png" },
            { new ByteArrayContent(TestImages.PngWithAlpha(4, 4)), "file", "b.png" },
        };

        using var response = await customer.PostAsync($"/api/sessions/{session.SessionId}/media", form).WaitAsync(Timeout);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
