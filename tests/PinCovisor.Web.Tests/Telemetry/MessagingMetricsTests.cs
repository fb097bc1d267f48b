using System.Security.Cryptography;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Tests.Conversations;

namespace PinCovisor.Web.Tests.Telemetry;

[Collection(RedisCollection.Name)]
public sealed class MessagingMetricsTests(RedisServers servers)
{
    [Fact]
    public async Task MessagesInAndOutAreCountedByChannelAndOutcome()
    {
        var token = RandomNumberGenerator.GetHexString(40, lowercase: true);
        await using var shop = await MessagingShop.StartAsync(servers, settings: new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = token });
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola"));
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), MessagingShop.NewCustomerNumber(), "¿Abrís hoy?"));
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "not-an-address", "?"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1))[0].SessionId;
        await ana.JoinAsync(sessionId);

        await ana.InvokeAsync<long>("SendChat", sessionId, "m-1", "Sí, de 10 a 14.");
        var scrape = await PrometheusText.ScrapeAsync(shop.Host.CreateLoopbackClient(), token);

        scrape.Value("phonebridge_messaging_inbound_total", ("messaging_channel", "whatsapp"), ("messaging_outcome", "stored")).Should().Be(1);
        scrape.Value("phonebridge_messaging_inbound_total", ("messaging_channel", "sms"), ("messaging_outcome", "stored")).Should().Be(1);
        scrape.Value("phonebridge_messaging_inbound_total", ("messaging_channel", "unknown"), ("messaging_outcome", "unusable")).Should().Be(1);
        scrape.Value("phonebridge_twilio_webhooks_total", ("twilio_endpoint", "/twilio/messaging"), ("twilio_outcome", "ok")).Should().Be(3);
        // One reply, on the channel of whichever conversation reached Ana first.
        scrape.Value("phonebridge_messaging_outbound_total", ("messaging_outcome", "sent")).Should().Be(1);
    }
}
