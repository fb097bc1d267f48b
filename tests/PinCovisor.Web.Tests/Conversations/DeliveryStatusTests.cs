using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Messaging;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Conversations;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>Twilio's status callbacks move each agent message to a WhatsApp or SMS customer forward, never back.</summary>
[Collection(RedisCollection.Name)]
public sealed partial class DeliveryStatusTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(RedisServerKind.Garnet)]
    [InlineData(RedisServerKind.Redis)]
    public async Task SignedStatusCallbacksTakeTheAgentsMessageToReadInTheLog(RedisServerKind kind)
    {
        await using var shop = await MessagingShop.StartAsync(servers, kind);
        await using var line = await Line.SendAsync(shop);

        var callback = line.Sent.Field("StatusCallback");
        foreach (var status in new[] { "queued", "sent", "delivered", "read" })
        {
            (await line.ReportAsync(status)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        callback.Should().Be(new Uri(shop.Host.BaseAddress, MessagingPaths.Status).ToString());
        (await line.DeliveriesAsync()).Select(d => d.Status).Should().Equal("queued", "sent", "delivered", "read");
        (await line.DeliveriesAsync()).Should().AllSatisfy(d =>
        {
            d.Seq.Should().Be(line.Seq);
            d.MessageSid.Should().Be(line.MessageSid);
            d.Reason.Should().BeNull();
        });
    }

    [Fact]
    public async Task CallbacksOutOfOrderOrRepeatedNeverMoveAMessageBack()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var line = await Line.SendAsync(shop);

        foreach (var status in new[] { "delivered", "sent", "delivered", "queued", "read", "delivered" })
        {
            (await line.ReportAsync(status)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await line.DeliveriesAsync()).Select(d => d.Status).Should().Equal("delivered", "read");
    }

    [Fact]
    public async Task AFailureOutsideTheWindowTellsTheAgentWhyAndIsFinal()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var line = await Line.SendAsync(shop);

        await line.ReportAsync("sent");
        await line.ReportAsync("failed", "63016");
        await line.ReportAsync("delivered");

        var deliveries = await line.DeliveriesAsync();
        deliveries.Select(d => d.Status).Should().Equal("sent", "failed");
        deliveries[1].ErrorCode.Should().Be(63016);
        deliveries[1].Reason.Should().Be(new DeliveryReason(
            "WhatsApp refused free text outside the 24-hour window; send a template instead.",
            "WhatsApp rechazó el texto libre fuera de la ventana de 24 horas; envía una plantilla."));
    }

    [Fact]
    public async Task AnUnknownErrorCodeIsNamedInAGenericSentence()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var line = await Line.SendAsync(shop);

        await line.ReportAsync("undelivered", "30999");

        (await line.DeliveriesAsync()).Single().Reason.Should().Be(new DeliveryReason(
            "Twilio could not deliver it (error 30999).", "Twilio no pudo entregarlo (error 30999)."));
    }

    [Fact]
    public async Task AForgedCallbackIs403AndChangesNothing()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var line = await Line.SendAsync(shop);

        using var unsigned = await shop.Twilio.PostAsync(MessagingPaths.Status, line.Form("read"), sign: false);
        using var forged = await shop.Twilio.PostAsync(MessagingPaths.Status, line.Form("read"), signature: "bm90IHR3aWxpbw==");
        await line.ReportAsync("sent");

        unsigned.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await line.DeliveriesAsync()).Select(d => d.Status).Should().Equal("sent");
    }

    [Fact]
    public async Task AStateReportedBeforeTheSendReturnedIsAppliedWhenItsSidIsRecorded()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var line = await Line.SendAsync(shop);
        var tracking = shop.Service<DeliveryTracking>();
        var early = "SM" + Guid.NewGuid().ToString("N");

        (await line.ReportAsync("sent", sid: early)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await line.ReportAsync("delivered", sid: early)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await tracking.TrackAsync(line.SessionId, line.Seq, early).WaitAsync(Timeout);

        (await line.DeliveriesAsync()).Select(d => (d.MessageSid, d.Status)).Should().Equal((early, "sent"), (early, "delivered"));
    }

    [Fact]
    public async Task UnusableCallbacksAreAnswered204AndIgnored()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await using var line = await Line.SendAsync(shop);

        using var noSid = await shop.Twilio.PostAsync(MessagingPaths.Status, [new("MessageStatus", "read")]);
        using var badStatus = await line.ReportAsync("opened");
        await line.ReportAsync("sent");

        noSid.StatusCode.Should().Be(HttpStatusCode.NoContent);
        badStatus.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await line.DeliveriesAsync()).Select(d => d.Status).Should().Equal("sent");
    }

    [Fact]
    public void TheErrorTableInTheDocsIsTheOneTheConsoleShows()
    {
        var doc = File.ReadAllText(Repository.Path("docs", "whatsapp.md"));
        var rows = DocRow().Matches(doc).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            m => new DeliveryReason(m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim()));

        rows.Should().BeEquivalentTo(DeliveryErrors.Known);
    }

    [GeneratedRegex(@"^\| `(\d{5})` \| ([^|]+) \| ([^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex DocRow();

    /// <summary>A WhatsApp customer wrote; Ana answered one line, which Twilio took as <see cref="MessageSid"/>.</summary>
    private sealed class Line : IAsyncDisposable
    {
        private readonly MessagingShop _shop;
        private readonly HubClient _ana;

        private Line(MessagingShop shop, HubClient ana, string sessionId, long seq, ReceivedRequest sent, string messageSid) =>
            (_shop, _ana, SessionId, Seq, Sent, MessageSid) = (shop, ana, sessionId, seq, sent, messageSid);

        public string SessionId { get; }

        public long Seq { get; }

        public ReceivedRequest Sent { get; }

        public string MessageSid { get; }

        public static async Task<Line> SendAsync(MessagingShop shop)
        {
            await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
            var ana = await shop.ConnectAgentAsync("ana");
            await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola"));
            var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
            await ana.JoinAsync(sessionId);
            var seq = await ana.InvokeAsync<long>("SendChat", sessionId, "m-1", "Hola, Lucía");
            var sent = shop.Api.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/Messages.json", StringComparison.Ordinal));
            return new Line(shop, ana, sessionId, seq, sent, shop.Api.Received.Single().Sid);
        }

        public List<KeyValuePair<string, string>> Form(string status, string? errorCode = null, string? sid = null)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("MessageSid", sid ?? MessageSid), new("SmsSid", sid ?? MessageSid), new("MessageStatus", status), new("SmsStatus", status),
                new("AccountSid", LoopbackTwilioApi.AccountSid), new("From", MessagingShop.WhatsAppSender),
                new("To", Sent.Field("To")!), new("ApiVersion", "2010-04-01"),
            };
            if (errorCode is not null)
            {
                form.Add(new("ErrorCode", errorCode));
            }

            return form;
        }

        public Task<HttpResponseMessage> ReportAsync(string status, string? errorCode = null, string? sid = null) =>
            _shop.Twilio.PostAsync(MessagingPaths.Status, Form(status, errorCode, sid));

        /// <summary>The session's <c>chat.delivery</c> events, as a fresh join replays them (each callback is in the log when it is answered).</summary>
        public async Task<IReadOnlyList<ChatDelivery>> DeliveriesAsync()
        {
            var history = await _ana.InvokeAsync<JoinResult>("JoinSession", SessionId, 0L);
            return [.. history.Events.Where(e => e.Kind == EventKinds.ChatDelivery).Select(e => e.DataAs<ChatDelivery>())];
        }

        public ValueTask DisposeAsync() => _ana.DisposeAsync();
    }
}
