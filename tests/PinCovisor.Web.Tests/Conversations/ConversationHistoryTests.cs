using System.Net.Http.Json;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>A conversation is a session: its transcript and its transfer work as for any other.</summary>
[Collection(RedisCollection.Name)]
public sealed class ConversationHistoryTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheTranscriptOfAConversationHasTheCustomersMessagesUnderTheirProfileNameAndTheAgentsReplies()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "¿Hay envío a Canarias?", "Lucía"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
        await ana.JoinAsync(sessionId);
        await ana.InvokeAsync<long>("SendChat", sessionId, "m-1", "Sí, en 72 horas.");
        using var http = await shop.AgentApiAsync("ana");

        var transcript = await http.GetFromJsonAsync<Transcript>($"/api/sessions/{sessionId}/transcript").WaitAsync(Timeout);

        transcript!.Lines.Where(l => l.Kind == EventKinds.ChatMessage).Select(l => (l.Role, l.Name, l.Text)).Should().Equal(
            ("customer", "Lucía", "¿Hay envío a Canarias?"),
            ("agent", "Ana", "Sí, en 72 horas."));
    }

    [Fact]
    public async Task AfterATransferTheNewAgentAnswersTheCustomerAndServesThemNextTime()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Available);
        await using var ana = await shop.ConnectAgentAsync("ana");
        await using var bruno = await shop.ConnectAgentAsync("bruno");
        var from = MessagingShop.NewCustomerNumber();
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Necesito ayuda con un pedido"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
        await ana.JoinAsync(sessionId);

        await ana.InvokeAsync<AgentInfo>("TransferSession", sessionId, "bruno");
        var history = await bruno.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L);
        await bruno.InvokeAsync<long>("SendChat", sessionId, "b-1", "Soy Bruno, ¿qué número de pedido?");

        history.Events.Should().Contain(e => e.Kind == EventKinds.ChatMessage && e.DataAs<ChatMessage>().Text == "Necesito ayuda con un pedido");
        var sent = shop.Api.Received.Should().ContainSingle().Subject;
        (sent.To, sent.From, sent.Body).Should().Be((from, MessagingShop.SmsNumber, "Soy Bruno, ¿qué número de pedido?"));

        await shop.Service<SessionLifecycle>().CloseAsync(sessionId, "ended-by-agent").WaitAsync(Timeout);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Otra cosa"));
        (await shop.FindListedAsync("bruno", s => s.Origin == "sms" && s.Id != sessionId)).Should().NotBeNull();
    }
}
