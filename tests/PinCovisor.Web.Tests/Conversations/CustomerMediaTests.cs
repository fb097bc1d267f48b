using System.Net;
using System.Text;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Media;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;
using SkiaSharp;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>
/// The attachments of customers' messages: fetched from Twilio with the account's credentials (and
/// from its CDN without them), kept as the session's media, announced by <c>chat.media</c>.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class CustomerMediaTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task APhotoAndAPdfAreFetchedWithTheAccountsCredentialsFromTwilioAndWithoutThemFromItsCdnAndKeptAsTheSessionsMedia(RedisServerKind kind)
    {
        await using var shop = await MessagingShop.StartAsync(servers, kind);
        await using var cdn = await LoopbackMediaCdn.StartAsync(shop.Api);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var photo = TestImages.WithPngText(TestImages.PngWithAlpha(30, 10), "Comment", "GPS 40.4168 N, 3.7038 W");
        var png = shop.Api.Api.AddMedia(photo, "image/png");
        var pdf = shop.Api.Api.AddMedia(Pdf, "application/pdf", png.MessageSid);

        await shop.SendAsync(WithMedia(MessagingShop.Inbound(png.MessageSid, "whatsapp:" + MessagingShop.NewCustomerNumber(), "Mira"),
            (Url(shop, png.Path), "image/png"), (Url(shop, pdf.Path), "application/pdf")));

        var chat = (await MessagingShop.ChatsAsync(ana, 1)).Single();
        chat.DataAs<ChatMessage>().Media.Should().Equal(new ChatMedia("pending", "image/png"), new ChatMedia("pending", "application/pdf"));
        var update = await MediaUpdateAsync(ana, png.MessageSid);
        update.Seq.Should().Be(chat.Seq);
        update.Media.Select(m => (m.State, m.ContentType, m.Width, m.Height)).Should().Equal(("stored", "image/png", 30, 10), ("stored", "application/pdf", (int?)null, (int?)null));
        using var http = await shop.AgentApiAsync("ana");
        using var image = await http.GetAsync(update.Media[0].Url).WaitAsync(Timeout);
        var served = await image.Content.ReadAsByteArrayAsync().WaitAsync(Timeout);
        image.StatusCode.Should().Be(HttpStatusCode.OK);
        TestImages.PngChunks(served).Should().NotContain("tEXt", "the photo is re-encoded without its metadata");
        using (var bitmap = SKBitmap.Decode(served))
        {
            (bitmap.Width, bitmap.Height).Should().Be((30, 10));
        }

        using var document = await http.GetAsync(update.Media[1].Url).WaitAsync(Timeout);
        (await document.Content.ReadAsByteArrayAsync().WaitAsync(Timeout)).Should().Equal(Pdf);
        document.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        document.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        document.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        update.Media[1].Bytes.Should().Be(Pdf.Length);
        await HubAssertions.Refused(ana.InvokeAsync<long>("ShareImage", chat.SessionId, new ImageShareInput(update.Media[1].MediaId, null)),
            "That image is not in this session (it may have expired); upload it again.");
        await ana.InvokeAsync<long>("ShareImage", chat.SessionId, new ImageShareInput(update.Media[0].MediaId, null)).WaitAsync(Timeout);
        var fetches = shop.Api.Requests.Where(r => r.Method == "GET" && r.Path.Contains("/Media/", StringComparison.Ordinal)).ToList();
        fetches.Should().HaveCount(2).And.OnlyContain(r => r.Authorization.StartsWith("Basic ", StringComparison.Ordinal));
        cdn.Requests.Select(r => r.Path).Should().BeEquivalentTo($"/{png.MessageSid}/{png.Sid}", $"/{pdf.MessageSid}/{pdf.Sid}");
        cdn.Requests.Should().OnlyContain(r => r.Authorization.Length == 0, "the account's token is sent to Twilio's API alone");
    }

    [Fact]
    public async Task AnAttachmentTooLargeOrNeitherImageNorPdfIsNotKeptAndTheConsoleIsToldWhy()
    {
        await using var shop = await MessagingShop.StartAsync(servers, settings: new Dictionary<string, string?> { ["Messaging:MaxMediaBytes"] = "300" });
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var large = shop.Api.Api.AddMedia(TestImages.Jpeg(400, 300, SKColors.Red, SKColors.Blue), "image/jpeg");
        var contact = shop.Api.Api.AddMedia("BEGIN:VCARD\nVERSION:3.0\nFN:Lucía\nEND:VCARD\n"u8.ToArray(), "text/vcard", large.MessageSid);
        // A PDF by its announced type whose bytes are a script: the bytes decide.
        var disguised = shop.Api.Api.AddMedia("<script>alert(1)</script>"u8.ToArray(), "application/pdf", large.MessageSid);

        await shop.SendAsync(WithMedia(MessagingShop.Inbound(large.MessageSid, "whatsapp:" + MessagingShop.NewCustomerNumber(), ""),
            (Url(shop, large.Path), "image/jpeg"), (Url(shop, contact.Path), "text/vcard"), (Url(shop, disguised.Path), "application/pdf")));

        var update = await MediaUpdateAsync(ana, large.MessageSid);
        update.Media.Should().Equal(
            new ChatMedia("refused", "image/jpeg", Reason: "size"),
            new ChatMedia("refused", "text/vcard", Reason: "type"),
            new ChatMedia("refused", "application/pdf", Reason: "type"));
    }

    [Fact]
    public async Task AMediaUrlThatIsNotThisAccountsMediaOnTwilioIsNeverRequested()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var cdn = await LoopbackMediaCdn.StartAsync(shop.Api);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var media = shop.Api.Api.AddMedia(TestImages.Jpeg(4, 4, SKColors.Red, SKColors.Blue), "image/jpeg");
        var otherAccount = Url(shop, media.Path).Replace(LoopbackTwilioApi.AccountSid, "AC" + new string('2', 32), StringComparison.Ordinal);

        await shop.SendAsync(WithMedia(MessagingShop.Inbound(media.MessageSid, "whatsapp:" + MessagingShop.NewCustomerNumber(), ""),
            ($"{cdn.BaseAddress.ToString().TrimEnd('/')}/{media.MessageSid}/{media.Sid}", "image/jpeg"),
            ($"http://api.twilio.com{media.Path}", "image/jpeg"),
            ($"https://api.twilio.com.example{media.Path}", "image/jpeg"),
            ($"{Url(shop, media.Path)}?redirect=http://169.254.169.254/", "image/jpeg"),
            (otherAccount, "image/jpeg")));

        var update = await MediaUpdateAsync(ana, media.MessageSid);
        update.Media.Should().HaveCount(5).And.OnlyContain(m => m.State == "refused" && m.Reason == "fetch");
        cdn.Requests.Should().BeEmpty();
        shop.Api.Requests.Should().NotContain(r => r.Path.Contains("/Media/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithDeleteMediaAtTwilioEachKeptAttachmentIsDeletedAtTwilio()
    {
        await using var shop = await MessagingShop.StartAsync(servers, settings: new Dictionary<string, string?> { ["Messaging:DeleteMediaAtTwilio"] = "true" });
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var media = shop.Api.Api.AddMedia(TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue), "image/jpeg");

        await shop.SendAsync(WithMedia(MessagingShop.Inbound(media.MessageSid, "whatsapp:" + MessagingShop.NewCustomerNumber(), ""),
            (Url(shop, media.Path), "image/jpeg")));

        (await MediaUpdateAsync(ana, media.MessageSid)).Media.Single().State.Should().Be("stored");
        await ana.Events.WaitAsync(() => shop.Api.Api.FindMedia(media.MessageSid, media.Sid), m => m is null);
        shop.Api.Requests.Should().ContainSingle(r => r.Method == "DELETE")
            .Which.Should().Match<ReceivedRequest>(r => r.Path == media.Path + ".json" && r.Authorization.StartsWith("Basic ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMessageTwilioSendsAgainHasItsAttachmentsFetchedOnce()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        var media = shop.Api.Api.AddMedia(TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue), "image/jpeg");
        var form = WithMedia(MessagingShop.Inbound(media.MessageSid, from, "Otra vez"), (Url(shop, media.Path), "image/jpeg"));

        await shop.SendAsync(form);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => shop.SendAsync(form))).WaitAsync(Timeout);
        // A later message's outcome arrives after any fetch the copies could have queued.
        var later = shop.Api.Api.AddMedia(TestImages.Jpeg(8, 8, SKColors.Red, SKColors.Blue), "image/jpeg");
        await shop.SendAsync(WithMedia(MessagingShop.Inbound(later.MessageSid, from, ""), (Url(shop, later.Path), "image/jpeg")));
        await MediaUpdateAsync(ana, later.MessageSid);

        shop.Api.Requests.Count(r => r.Method == "GET" && r.Path == media.Path).Should().Be(1);
        ana.Events.Arrivals.Where(e => e.Kind == EventKinds.ChatMedia).DistinctBy(e => e.Seq)
            .Count(e => e.DataAs<ChatMediaUpdate>().MessageId == media.MessageSid).Should().Be(1);
    }

    private static string Url(MessagingShop shop, string path) => shop.Api.BaseAddress.ToString().TrimEnd('/') + path;

    private static List<KeyValuePair<string, string>> WithMedia(List<KeyValuePair<string, string>> form, params (string Url, string ContentType)[] media)
    {
        form.RemoveAll(f => f.Key == "NumMedia");
        form.Add(new("NumMedia", media.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        for (var i = 0; i < media.Length; i++)
        {
            form.Add(new($"MediaUrl{i}", media[i].Url));
            form.Add(new($"MediaContentType{i}", media[i].ContentType));
        }

        return form;
    }

    private static async Task<ChatMediaUpdate> MediaUpdateAsync(HubClient agent, string messageSid) =>
        (await agent.Events.WaitAsync(
            () => agent.Events.Arrivals.Where(e => e.Kind == EventKinds.ChatMedia).Select(e => e.DataAs<ChatMediaUpdate>())
                .FirstOrDefault(u => u.MessageId == messageSid),
            u => u is not null))!;
}
