using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PinCovisor.Web.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Insight;
using PinCovisor.Web.Tests.Conversations;

namespace PinCovisor.Web.Tests.Insight;

/// <summary>WhatsApp and SMS conversations count on their own channels, from the real inbound webhook and the agent's reply.</summary>
[Collection(RedisCollection.Name)]
public sealed class InsightConversationTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AConversationsFirstLineAndTheAgentsAnswerCountOnItsChannelOnce(RedisServerKind kind)
    {
        // A day of its own: Ana is every test's agent, and other tests count on today.
        var clock = new FakeTimeProvider(TestClock.RandomInstantAhead());
        await using var shop = await MessagingShop.StartAsync(servers, kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await shop.PresenceAsync(AgentStatus.Available, AgentStatus.Away);
        await using var ana = await shop.ConnectAgentAsync("ana");
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), "whatsapp:" + MessagingShop.NewCustomerNumber(), "¿Tenéis la talla M?"));
        var sessionId = (await MessagingShop.ChatsAsync(ana, 1)).Single().SessionId;
        await ana.JoinAsync(sessionId);
        await ana.ChatAsync(sessionId, "Sí, te la reservo");
        await ana.ChatAsync(sessionId, "¿Algo más?");
        await shop.SendAsync(MessagingShop.Inbound(MessagingShop.NewMessageSid(), MessagingShop.NewCustomerNumber(), "Hola"));

        var today = DateOnly.FromDateTime(shop.Service<TimeProvider>().GetUtcNow().UtcDateTime);
        var report = await shop.Host.Services.GetRequiredService<InsightReader>().ReadAsync(today.AddDays(-1), today.AddDays(1)).WaitAsync(Timeout);

        var whatsapp = Sum(report, InsightChannels.WhatsApp);
        whatsapp.FirstMessage.Should().Be(1);
        whatsapp.FirstResponse.Count.Should().Be(1, "only the first answer after the customer's first line is timed");
        whatsapp.PinsIssued.Should().Be(0);
        Sum(report, InsightChannels.Sms).FirstMessage.Should().Be(1);
        Sum(report, InsightChannels.Voice).FirstMessage.Should().Be(0);
        var smsOnly = await shop.Host.Services.GetRequiredService<InsightReader>().ReadAsync(today, today, InsightChannels.Sms).WaitAsync(Timeout);
        smsOnly.Channels.Should().Equal("sms");
        smsOnly.Totals.FirstMessage.Should().Be(1, "the WhatsApp conversation is left out");
        smsOnly.Agents.Should().BeEmpty();
        report.Agents.Should().ContainSingle().Which.Should().Match<InsightAgent>(a => a.Agent == "ana" && a.Channel == "whatsapp" && a.Sessions == 1);
    }

    private static (long FirstMessage, long PinsIssued, InsightTimes FirstResponse) Sum(InsightReport report, string channel)
    {
        var rows = report.Rows.Where(r => r.Channel == channel).Select(r => r.Counts).ToList();
        return (rows.Sum(c => c.FirstMessage), rows.Sum(c => c.PinsIssued),
            new InsightTimes(rows.Sum(c => c.FirstResponse.Count), null, null, []));
    }
}
