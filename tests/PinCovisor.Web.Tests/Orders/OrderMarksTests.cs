using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Orders;
using PinCovisor.Web.Tests.Conversations;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Orders;

/// <summary>Order numbers are marked in chat lines when they are appended, whoever wrote them.</summary>
[Collection(RedisCollection.Name)]
public sealed class OrderMarksTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnOrderNumberInACustomersWhatsAppMessageIsMarkedForTheAgent(RedisServerKind kind)
    {
        await using var shop = await MessagingShop.StartAsync(servers, kind);
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");

        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Mi pedido es AB-123456"));

        var chat = (await MessagingShop.ChatsAsync(ana, 1)).Single();
        chat.DataAs<ChatMessage>().Orders.Should().Equal(new OrderMention(13, 9, "AB-123456"));
        chat.Data.GetProperty("orders")[0].GetProperty("start").GetInt32().Should().Be(13, "the wire names it orders: [{ start, length, number }]");
    }

    [Fact]
    public async Task OrderNumbersInTheAgentsAndTheCustomersChatAreMarkedWithTheShopsPattern()
    {
        await using var scenario = await HubScenario.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Orders:NumberPattern"] = @"\b\d{4}-\d{4}\b" });
        var id = scenario.SessionId;

        await scenario.Agent.ChatAsync(id, "¿El pedido 2026-0042?");
        await scenario.Customer.ChatAsync(id, "No, 2026-0043 y 2026-0044");
        await scenario.Customer.ChatAsync(id, "Gracias");

        var chats = await scenario.Customer.Events.WaitForCountAsync(id, 3);
        chats.Select(e => e.DataAs<ChatMessage>().Orders).Should().BeEquivalentTo(new IReadOnlyList<OrderMention>?[]
        {
            [new(11, 9, "2026-0042")],
            [new(4, 9, "2026-0043"), new(16, 9, "2026-0044")],
            null,
        }, o => o.WithStrictOrdering());
        chats[2].Data.TryGetProperty("orders", out _).Should().BeFalse("a line without order numbers has no orders field");
    }

    [Fact]
    public async Task AnEmptyPatternMarksNothing()
    {
        await using var scenario = await HubScenario.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Orders:NumberPattern"] = "" });

        await scenario.Agent.ChatAsync(scenario.SessionId, "¿El pedido AB-123456?");

        var chat = (await scenario.Customer.Events.WaitForCountAsync(scenario.SessionId, 1)).Single();
        chat.DataAs<ChatMessage>().Orders.Should().BeNull();
    }

    [Theory]
    [InlineData("Orders:NumberPattern", "[A-Z")]
    [InlineData("Orders:NumberPattern", @"(\w)\1")]
    [InlineData("Orders:MatchTimeout", "00:00:00")]
    public void AnUnusableOrdersSettingStopsTheHostNamingTheKey(string key, string value)
    {
        StartRefusal.ShouldStopNaming(servers, key, new Dictionary<string, string?> { [key] = value });
    }
}
