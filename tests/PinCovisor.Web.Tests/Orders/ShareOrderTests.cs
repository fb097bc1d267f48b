using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Orders;
using PinCovisor.Web.Tests.Conversations;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Orders;

/// <summary>Hub <c>ShareOrder</c>: the agent shows the customer an order mentioned in the session.</summary>
[Collection(RedisCollection.Name)]
public sealed class ShareOrderTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAgentSharesAMentionedOrderAndTheCustomerGetsItsCard(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind, OrderLookupTests.DemoFile());
        await scenario.Customer.ChatAsync(scenario.SessionId, "Mi pedido es AB-104200");

        var seq = await scenario.Agent.InvokeAsync<long>("ShareOrder", scenario.SessionId, "AB-104200");

        var card = await scenario.Customer.Events.WaitForKindAsync(scenario.SessionId, EventKinds.OrderCard);
        card.Seq.Should().Be(seq);
        card.Author.Role.Should().Be("agent");
        card.Author.Id.Should().BeNull("customers never see an agent's username");
        var order = card.DataAs<OrderCard>().Order;
        order.Number.Should().Be("AB-104200");
        order.Status.Should().Be("Enviado");
        order.DeliveryDate.Should().Be(new DateOnly(2026, 12, 9));
        order.Items.Should().HaveCount(2);
        order.Total.Should().Be(118.90m);
    }

    [Fact]
    public async Task AnOrderNeverMentionedAnUnknownOneOrACustomersShareIsRefusedWithASentence()
    {
        await using var scenario = await HubScenario.StartAsync(servers, RedisServerKind.Garnet, OrderLookupTests.DemoFile());
        await scenario.Customer.ChatAsync(scenario.SessionId, "AB-999999");
        await scenario.Customer.Events.WaitForCountAsync(scenario.SessionId, 1);

        await HubAssertions.Refused(scenario.Agent.InvokeAsync<long>("ShareOrder", scenario.SessionId, "AB-104200"),
            "No order AB-104200 in the shop's orders.");
        await HubAssertions.Refused(scenario.Agent.InvokeAsync<long>("ShareOrder", scenario.SessionId, "AB-999999"),
            "No order AB-999999 in the shop's orders.");
        await HubAssertions.Refused(scenario.Agent.InvokeAsync<long>("ShareOrder", scenario.SessionId, ""),
            "Name the order to share (an order number of at most 64 characters).");
        await HubAssertions.Refused(scenario.Customer.InvokeAsync<long>("ShareOrder", scenario.SessionId, "AB-999999"),
            "Only the agent in charge can do that.");
        scenario.Customer.Events.Applied(scenario.SessionId).Should().NotContain(e => e.Kind == EventKinds.OrderCard);
    }

    [Fact]
    public async Task WithoutAnOrderSourceSharingIsRefused()
    {
        await using var scenario = await HubScenario.StartAsync(servers, RedisServerKind.Garnet);
        await scenario.Customer.ChatAsync(scenario.SessionId, "AB-104200");

        await HubAssertions.Refused(scenario.Agent.InvokeAsync<long>("ShareOrder", scenario.SessionId, "AB-104200"),
            "This shop has no order source configured (Orders:Source).");
    }

    [Fact]
    public async Task AWhatsAppCustomerGetsASummaryAsTheAgentsLineWithinTheWindowOnly()
    {
        await using var shop = await MessagingShop.StartAsync(servers, settings: new Dictionary<string, string?>(OrderLookupTests.DemoFile())
        {
            ["Sessions:Lifetime"] = "3.00:00:00",
        }, services: s => s.AddSingleton<TimeProvider>(_clock));
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        var customer = "whatsapp:" + MessagingShop.NewCustomerNumber();
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), customer, "Hola, ¿dónde está mi pedido AB-104200?"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1))[^1].SessionId;
        await ana.JoinAsync(sessionId);

        var seq = await ana.InvokeAsync<long>("ShareOrder", sessionId, "AB-104200");
        _clock.Advance(TimeSpan.FromHours(25));
        await using var later = await shop.ConnectAgentAsync("ana");
        await later.JoinAsync(sessionId);
        var refused = later.InvokeAsync<long>("ShareOrder", sessionId, "AB-104200");

        const string summary = "Pedido AB-104200: Enviado. Entrega: 9 dic 2026. 1 × Lámpara de mesa Duna, 1 × Manta de lana Pirineo. Total: 118,90 EUR.";
        var sent = shop.Api.Received.Should().ContainSingle().Subject;
        sent.To.Should().Be(customer);
        sent.Body.Should().Be(summary);
        var line = later.Events.Applied(sessionId).Single(e => e.Seq == seq);
        line.Kind.Should().Be(EventKinds.ChatMessage, "the summary shows in the chat like any agent line");
        line.DataAs<ChatMessage>().Text.Should().Be(summary);
        line.DataAs<ChatMessage>().Orders.Should().ContainSingle().Which.Number.Should().Be("AB-104200");
        (await refused.Invoking(c => c).Should().ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>())
            .Which.Message.Should().Contain("24-hour window closed");
        shop.Api.Received.Should().ContainSingle("nothing goes out after the window");
    }
}
