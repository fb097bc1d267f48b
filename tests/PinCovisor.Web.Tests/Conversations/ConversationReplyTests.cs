using System.Net;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PhoneBridge.Testing.Hub;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>The agent's lines in a WhatsApp or SMS conversation go to the customer through the Messages API.</summary>
[Collection(RedisCollection.Name)]
public sealed class ConversationReplyTests(RedisServers servers)
{
    [Theory]
    [InlineData("whatsapp:", MessagingShop.WhatsAppSender)]
    [InlineData("", MessagingShop.SmsNumber)]
    public async Task TheAgentsReplyReachesTheCustomerFromTheShopsSenderOnce(string prefix, string sender)
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var customer = prefix + MessagingShop.NewCustomerNumber();
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), customer, "¿Abrís el sábado?"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
        await ana.JoinAsync(sessionId);

        var seq = await ana.InvokeAsync<long>("SendChat", sessionId, "m-1", "Sí, de 10 a 14.");
        var again = await ana.InvokeAsync<long>("SendChat", sessionId, "m-1", "Sí, de 10 a 14.");

        again.Should().Be(seq);
        var sent = shop.Api.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/Messages.json", StringComparison.Ordinal)).ToList();
        sent.Should().ContainSingle();
        sent[0].Field("To").Should().Be(customer);
        sent[0].Field("From").Should().Be(sender);
        sent[0].Field("Body").Should().Be("Sí, de 10 a 14.");
    }

    [Fact]
    public async Task AReplyTwilioRefusesIsToldToTheAgentAndSendingItAgainTriesAgain()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
        await ana.JoinAsync(sessionId);
        shop.Api.FailNext(1, HttpStatusCode.BadRequest);

        await HubAssertions.Refused(ana.InvokeAsync<long>("SendChat", sessionId, "m-1", "Hola, Lucía"),
            "The message did not reach WhatsApp; send it again in a moment.");
        shop.Api.Received.Should().BeEmpty();
        await ana.InvokeAsync<long>("SendChat", sessionId, "m-1", "Hola, Lucía");

        shop.Api.Received.Should().ContainSingle().Which.Body.Should().Be("Hola, Lucía");
        var history = await ana.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L);
        history.Events.Count(e => e.Kind == EventKinds.ChatMessage && e.Author.Role == "agent").Should().Be(1);
    }

    [Fact]
    public async Task ChatInACallSessionSendsNoMessage()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var seeded = await PhoneBridge.Testing.Sessions.SessionSeeder.SeedAsync(shop.Host);
        await using var ana = await HubClient.ConnectAsync(shop.Host.BaseAddress, seeded.AgentToken);
        await ana.JoinAsync(seeded.SessionId);

        await ana.ChatAsync(seeded.SessionId, "Hola");

        shop.Api.Requests.Should().BeEmpty();
    }
}
