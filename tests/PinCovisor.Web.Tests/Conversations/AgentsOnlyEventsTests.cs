using System.Text.RegularExpressions;
using PhoneBridge.Messaging;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PhoneBridge.Twilio.Rest.Simulation;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Conversations;

/// <summary>
/// A WhatsApp customer who opened the covisor through the agent's link is a customer of the same
/// session: Twilio's delivery news of the agent's lines is for the agent, never for them.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed partial class AgentsOnlyEventsTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACustomerJoinedThroughTheLinkIsNeitherPushedNorReplayedDeliveriesWhileTheAgentIs(RedisServerKind kind)
    {
        await using var shop = await MessagingShop.StartAsync(servers, kind,
            new Dictionary<string, string?> { [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value });
        await using var ana = await shop.ConnectAgentAsync("ana");
        var (sessionId, link) = await InviteAsync(shop, ana);
        await ReportAsync(shop, link, "queued");
        var joined = await new SessionsApi(shop.Host.CreateLoopbackClient()).JoinedInviteAsync(InviteOf(link.Body));
        await using var phone = await HubClient.ConnectAsync(shop.Host.BaseAddress, joined.Token);

        var replay = await phone.JoinAsync(sessionId);
        await ReportAsync(shop, link, "sent");
        await ana.Events.WaitForAsync(sessionId, e => e.Count(d => d.Kind == EventKinds.ChatDelivery) == 2);
        var line = await phone.ChatAsync(sessionId, "Ya lo veo");

        var applied = await phone.Events.WaitForAsync(sessionId, e => e.Any(m => m.Seq == line));
        var deliveries = ana.Events.Applied(sessionId).Where(e => e.Kind == EventKinds.ChatDelivery).ToList();
        deliveries.Select(d => d.DataAs<ChatDelivery>().Status).Should().Equal("queued", "sent");
        replay.Events.Should().NotContain(e => e.Kind == EventKinds.ChatDelivery, "the replay of a customer holds no delivery");
        phone.Events.Arrivals.Should().NotContain(e => e.Kind == EventKinds.ChatDelivery, "nor does any push");
        phone.Events.Arrivals.Should().NotContain(e => e.Data.GetRawText().Contains(link.Sid, StringComparison.Ordinal));
        var hidden = applied.Where(e => e.Kind == EventKinds.Hidden).ToList();
        hidden.Select(e => e.Seq).Should().Equal(deliveries.Select(d => d.Seq), "each number is taken, so the customer's log has no hole");
        hidden.Should().AllSatisfy(e =>
        {
            e.Author.Should().Be(EventAuthor.System);
            e.Data.GetRawText().Should().Be("{}");
        });
        applied.Select(e => e.Seq).Should().Equal(Enumerable.Range(1, (int)line).Select(s => (long)s), "everything up to the customer's line arrived, in order");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACustomerRejoiningAfterADeliveryGetsWhatCameLaterAndTheAgentStillReplaysIt(RedisServerKind kind)
    {
        await using var shop = await MessagingShop.StartAsync(servers, kind,
            new Dictionary<string, string?> { [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value });
        await using var ana = await shop.ConnectAgentAsync("ana");
        var (sessionId, link) = await InviteAsync(shop, ana);
        var joined = await new SessionsApi(shop.Host.CreateLoopbackClient()).JoinedInviteAsync(InviteOf(link.Body));
        await using var phone = await HubClient.ConnectAsync(shop.Host.BaseAddress, joined.Token);
        await phone.JoinAsync(sessionId);
        await ReportAsync(shop, link, "delivered");
        var delivery = await ana.Events.WaitForKindAsync(sessionId, EventKinds.ChatDelivery);
        var later = await ana.ChatAsync(sessionId, "¿Las ves bien?");

        var rejoined = await phone.InvokeAsync<JoinResult>("JoinSession", sessionId, delivery.Seq);
        var whole = await phone.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L);
        var agents = await ana.InvokeAsync<JoinResult>("JoinSession", sessionId, 0L);

        rejoined.Reset.Should().BeFalse();
        rejoined.Events.Select(e => e.Seq).Should().Equal(later);
        rejoined.Events.Single().DataAs<ChatMessage>().Text.Should().Be("¿Las ves bien?");
        whole.Events.Should().NotContain(e => e.Kind == EventKinds.ChatDelivery);
        whole.Events.Single(e => e.Seq == delivery.Seq).Kind.Should().Be(EventKinds.Hidden);
        agents.Events.Single(e => e.Seq == delivery.Seq).DataAs<ChatDelivery>().MessageSid.Should().Be(link.Sid, "the log keeps it for agents");
    }

    /// <summary>A WhatsApp customer wrote; Ana opened the conversation and sent them the covisor link.</summary>
    private static async Task<(string SessionId, SimulatedMessage Link)> InviteAsync(MessagingShop shop, HubClient ana)
    {
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "Hola"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
        await ana.JoinAsync(sessionId);
        await ana.InvokeAsync<long>("InviteToCovisor", sessionId);
        return (sessionId, shop.Api.Received.Last());
    }

    private static async Task ReportAsync(MessagingShop shop, SimulatedMessage message, string status)
    {
        using var response = await shop.Twilio.PostAsync(MessagingPaths.Status,
        [
            new("MessageSid", message.Sid), new("SmsSid", message.Sid), new("MessageStatus", status), new("SmsStatus", status),
            new("AccountSid", LoopbackTwilioApi.AccountSid), new("From", message.From), new("To", message.To), new("ApiVersion", "2010-04-01"),
        ]);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent);
    }

    private static string InviteOf(string body) =>
        Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(new Uri(Link().Match(body).Value).Query)["invite"]!);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
