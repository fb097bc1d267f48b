using System.Net;
using System.Net.Http.Json;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>Who takes a new conversation: the address's last agent, else an available one, else it waits to be taken.</summary>
[Collection(RedisCollection.Name)]
public sealed class ConversationRoutingTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACustomerWritingAgainIsRoutedToTheAgentWhoLastServedThemWhenTheyAreAvailable()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var from = "whatsapp:" + MessagingShop.NewCustomerNumber();
        await shop.PresenceAsync(AgentStatus.Away, AgentStatus.Available);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hola"));
        var first = (await shop.FindListedAsync("bruno", s => s.Origin == "whatsapp"))!;
        await shop.Service<SessionLifecycle>().CloseAsync(first.Id, "ended-by-agent").WaitAsync(Timeout);

        // Ana comes first in the directory: only the memory of Bruno sends the customer to him.
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Available);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Otra pregunta"));

        var second = (await shop.FindListedAsync("bruno", s => s.Origin == "whatsapp"))!;
        second.Id.Should().NotBe(first.Id);
        (await shop.FindListedAsync("ana", s => s.Origin == "whatsapp")).Should().BeNull();
    }

    [Fact]
    public async Task WhenTheLastAgentIsAwayAnotherAvailableAgentTakesTheConversation()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var from = MessagingShop.NewCustomerNumber();
        await shop.PresenceAsync(AgentStatus.Away, AgentStatus.Available);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "Hola"));
        await shop.Service<SessionLifecycle>().CloseAsync((await shop.FindListedAsync("bruno", s => s.Origin == "sms"))!.Id, "ended-by-agent")
            .WaitAsync(Timeout);

        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Busy);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), from, "¿Hay alguien?"));

        (await shop.FindListedAsync("ana", s => s.Origin == "sms")).Should().NotBeNull();
    }

    [Fact]
    public async Task WithNobodyAvailableTheConversationWaitsUntilAnAgentTakesItAndTheSecondTakerIsRefused()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        await shop.PresenceAsync(AgentStatus.Away, AgentStatus.Busy);
        var number = MessagingShop.NewCustomerNumber();
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + number, "Hola", "Lucía"));
        using var ana = await shop.AgentApiAsync("ana");
        using var bruno = await shop.AgentApiAsync("bruno");

        var waiting = await ana.GetFromJsonAsync<AgentSessionJson[]>("/api/conversations/waiting", SessionsApi.Json).WaitAsync(Timeout);
        var entry = waiting!.Should().ContainSingle().Subject;
        entry.Should().Be(new AgentSessionJson(entry.Id, "whatsapp", null, PhoneBridge.Calls.PhoneNumberMask.Mask(number), "Lucía"));
        (await shop.FindListedAsync("ana", s => s.Id == entry.Id)).Should().BeNull();
        await using var anaHub = await shop.ConnectAgentAsync("ana");

        using var taken = await ana.PostAsync($"/api/conversations/{entry.Id}/take", null).WaitAsync(Timeout);
        using var late = await bruno.PostAsync($"/api/conversations/{entry.Id}/take", null).WaitAsync(Timeout);

        taken.StatusCode.Should().Be(HttpStatusCode.OK);
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().Contain("Another agent has already taken this conversation.");
        (await shop.FindListedAsync("ana", s => s.Id == entry.Id))!.Agent.Should().Be("ana");
        (await ana.GetFromJsonAsync<AgentSessionJson[]>("/api/conversations/waiting", SessionsApi.Json).WaitAsync(Timeout)).Should().BeEmpty();
        // Pushed to Ana's own channel, before she opens the conversation.
        (await anaHub.Events.WaitAsync(() => anaHub.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.AgentChanged)))
            .Single(e => e.Kind == EventKinds.AgentChanged).DataAs<AgentChanged>().Agent.Should().Be("ana");
        var history = await anaHub.InvokeAsync<JoinResult>("JoinSession", entry.Id, 0L);
        history.Events.Should().Contain(e => e.Kind == EventKinds.ChatMessage && e.DataAs<ChatMessage>().Text == "Hola");

        // Taken once, the customer is Ana's next time too.
        await shop.Service<SessionLifecycle>().CloseAsync(entry.Id, "ended-by-agent").WaitAsync(Timeout);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Available);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + number, "Gracias"));
        (await shop.FindListedAsync("ana", s => s.Origin == "whatsapp" && s.Id != entry.Id)).Should().NotBeNull();
    }

    [Fact]
    public async Task OnlyAgentsSeeAndTakeWaitingConversationsAndOnlyConversationsCanBeTaken()
    {
        await using var shop = await MessagingShop.StartAsync(servers);
        var seeded = await SessionSeeder.SeedAsync(shop.Host, "bruno");
        using var anonymous = shop.Host.CreateLoopbackClient();
        using var ana = await shop.AgentApiAsync("ana");

        using var listed = await anonymous.GetAsync("/api/conversations/waiting").WaitAsync(Timeout);
        using var callSession = await ana.PostAsync($"/api/conversations/{seeded.SessionId}/take", null).WaitAsync(Timeout);
        using var unknown = await ana.PostAsync("/api/conversations/s_nope/take", null).WaitAsync(Timeout);

        listed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        callSession.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await shop.Service<RedisSessionStore>().GetAsync(seeded.SessionId).WaitAsync(Timeout))!.AgentUsername.Should().Be("bruno");
    }
}
