using System.Net;
using System.Net.Http.Json;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;
using SkiaSharp;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary><c>SendAttachment</c>: one photo or PDF from the agent to a conversation's customer, through a short-lived link Twilio fetches.</summary>
[Collection(RedisCollection.Name)]
public sealed class AgentAttachmentTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAgentsPhotoGoesToTheCustomerWithItsCaptionAsOneMediaUrlServedWithoutCredentialsWhileItsLinkLives(RedisServerKind kind)
    {
        await using var shop = await MessagingShop.StartAsync(servers, kind, new Dictionary<string, string?> { ["Messaging:AttachmentLinkLifetime"] = "00:02:00" });
        await using var ana = await ConnectAnaAsync(shop);
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        var sessionId = await OpenConversationAsync(shop, ana, from);
        using var upload = MediaUploads.ClientFor(shop.Host, await SessionSeeder.AgentTokenAsync(shop.Host, "ana"));
        var photo = await MediaUploads.UploadAsync(upload, sessionId, TestImages.Jpeg(60, 40, SKColors.Orange, SKColors.White));

        var seq = await ana.InvokeAsync<long>("SendAttachment", sessionId, "a-1", photo.MediaId, "Esta es la Duna").WaitAsync(Timeout);
        var again = await ana.InvokeAsync<long>("SendAttachment", sessionId, "a-1", photo.MediaId, "Esta es la Duna").WaitAsync(Timeout);

        again.Should().Be(seq);
        var sent = shop.Api.Received.Should().ContainSingle(m => m.MediaUrls.Count > 0).Subject;
        (sent.To, sent.From, sent.Body).Should().Be((from, MessagingShop.WhatsAppSender, "Esta es la Duna"));
        var link = sent.MediaUrls.Should().ContainSingle().Subject;
        link.AbsolutePath.Should().MatchRegex($"^/media/out/{sessionId}\\.[A-Za-z0-9_-]{{22}}$");
        using var anonymous = shop.Host.CreateLoopbackClient();
        using var fetched = await anonymous.GetAsync(link.PathAndQuery).WaitAsync(Timeout);
        fetched.StatusCode.Should().Be(HttpStatusCode.OK);
        fetched.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        fetched.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await fetched.Content.ReadAsByteArrayAsync().WaitAsync(Timeout)).Should().Equal(await upload.GetByteArrayAsync(photo.Url).WaitAsync(Timeout));
        var line = (await ana.JoinAsync(sessionId)).Events.Single(e => e.Seq == seq).DataAs<ChatMessage>();
        line.Text.Should().Be("Esta es la Duna");
        line.Media.Should().Equal(new ChatMedia("stored", "image/jpeg", photo.MediaId, photo.Url, photo.Bytes, 60, 40));
        var redis = shop.Service<IConnectionMultiplexer>();
        var key = (await RedisScan.KeysAsync(redis, $"pb:{{session:{sessionId}}}:attachment-link:*")).Should().ContainSingle().Subject;
        (await redis.GetDatabase().KeyTimeToLiveAsync(key).WaitAsync(Timeout)).Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(2));
        foreach (var madeUp in new[] { $"/media/out/{sessionId}.{new string('A', 22)}", "/media/out/nothing", $"/media/out/{sessionId}." })
        {
            using var refused = await anonymous.GetAsync(madeUp).WaitAsync(Timeout);
            refused.StatusCode.Should().Be(HttpStatusCode.NotFound, madeUp);
        }
    }

    [Fact]
    public async Task AFileNotInTheSessionOrASessionThatIsNoConversationIsRefusedBeforeAnythingIsSent()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var ana = await ConnectAnaAsync(shop);
        var conversation = await OpenConversationAsync(shop, ana, "whatsapp:" + MessagingShop.NewCustomerNumber());
        var call = await SessionSeeder.SeedAsync(shop.Host);
        using var upload = MediaUploads.ClientFor(shop.Host, call.AgentToken);
        var photo = await MediaUploads.UploadAsync(upload, call.SessionId, TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue));

        await HubAssertions.Refused(ana.InvokeAsync<long>("SendAttachment", conversation, "a-1", photo.MediaId, ""),
            "That file is not in this session (it may have expired); upload it again.");
        await ana.JoinAsync(call.SessionId);
        await HubAssertions.Refused(ana.InvokeAsync<long>("SendAttachment", call.SessionId, "a-2", photo.MediaId, ""),
            "Files are sent to WhatsApp or SMS conversations; in this session, share it on the covisor instead.");

        shop.Api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAgentsPdfIsUploadedAndSentAsADownloadWhileACustomersPdfUploadIsRefused()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var ana = await ConnectAnaAsync(shop);
        var sessionId = await OpenConversationAsync(shop, ana, "whatsapp:" + MessagingShop.NewCustomerNumber());
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        using var agentUpload = MediaUploads.ClientFor(shop.Host, await SessionSeeder.AgentTokenAsync(shop.Host, "ana"));
        using var uploaded = await MediaUploads.PostRawAsync(agentUpload, sessionId, pdf, "application/pdf");
        var media = await uploaded.Content.ReadFromJsonAsync<UploadedMedia>().WaitAsync(Timeout);
        var call = await SessionSeeder.SeedAsync(shop.Host);
        using var customerUpload = MediaUploads.ClientFor(shop.Host, call.CustomerToken);
        using var refused = await MediaUploads.PostRawAsync(customerUpload, call.SessionId, pdf, "application/pdf");

        await ana.InvokeAsync<long>("SendAttachment", sessionId, "a-pdf", media!.MediaId, "").WaitAsync(Timeout);

        uploaded.StatusCode.Should().Be(HttpStatusCode.Created);
        (media.ContentType, media.Width, media.Height, media.Bytes).Should().Be(("application/pdf", 0, 0, pdf.Length));
        refused.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, "customers upload photos only");
        var sent = shop.Api.Received.Should().ContainSingle().Subject;
        sent.Body.Should().BeEmpty();
        using var anonymous = shop.Host.CreateLoopbackClient();
        using var fetched = await anonymous.GetAsync(sent.MediaUrls.Single().PathAndQuery).WaitAsync(Timeout);
        fetched.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        fetched.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (await fetched.Content.ReadAsByteArrayAsync().WaitAsync(Timeout)).Should().Equal(pdf);
    }

    [Theory]
    [InlineData("image/jpeg", 5 * 1024 * 1024, null)]
    [InlineData("image/png", 5 * 1024 * 1024 + 1, "Photos sent on WhatsApp may be at most 5 MB; this one is larger.")]
    [InlineData("application/pdf", 16 * 1024 * 1024, null)]
    [InlineData("application/pdf", 16 * 1024 * 1024 + 1, "PDFs sent on WhatsApp may be at most 16 MB; this one is larger.")]
    [InlineData("image/webp", 10, "Only JPEG or PNG photos and PDF files can be sent on WhatsApp.")]
    public void WhatsAppTakesJpegAndPngPhotosUpToFiveMegabytesAndPdfsUpToSixteen(string contentType, long bytes, string? refusal) =>
        ConversationAttachments.Refusal(contentType, bytes).Should().Be(refusal);

    /// <summary>Ana, available (Bruno away), on the hub: new conversations are hers.</summary>
    private static async Task<PhoneBridge.Testing.Hub.HubClient> ConnectAnaAsync(MessagingShop shop)
    {
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        return await shop.ConnectAgentAsync("ana");
    }

    /// <summary>A first message from <paramref name="from"/> opens a conversation Ana is in charge of; its session id.</summary>
    private static async Task<string> OpenConversationAsync(MessagingShop shop, PhoneBridge.Testing.Hub.HubClient ana, string from)
    {
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hola"));
        return (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
    }
}
