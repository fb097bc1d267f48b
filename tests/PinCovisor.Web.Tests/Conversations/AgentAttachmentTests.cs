using System.Net;
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
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "¿Me enseñas la lámpara?"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
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
        var key = redis.GetServers().Single().Keys(pattern: $"pb:{{session:{sessionId}}}:attachment-link:*").Should().ContainSingle().Subject;
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
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola"));
        var conversation = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
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

    [Theory]
    [InlineData("image/jpeg", 5 * 1024 * 1024, null)]
    [InlineData("image/png", 5 * 1024 * 1024 + 1, "Photos sent on WhatsApp may be at most 5 MB; this one is larger.")]
    [InlineData("application/pdf", 16 * 1024 * 1024, null)]
    [InlineData("application/pdf", 16 * 1024 * 1024 + 1, "PDFs sent on WhatsApp may be at most 16 MB; this one is larger.")]
    [InlineData("image/webp", 10, "Only JPEG or PNG photos and PDF files can be sent on WhatsApp.")]
    public void WhatsAppTakesJpegAndPngPhotosUpToFiveMegabytesAndPdfsUpToSixteen(string contentType, long bytes, string? refusal) =>
        ConversationAttachments.Refusal(contentType, bytes).Should().Be(refusal);
}
