using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Hub;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubReplayTests(RedisServers servers)
{
    // Small pages, so the gap after the outage takes several JoinSession calls to close.
    private static readonly Dictionary<string, string?> UnthrottledSmallPages = new()
    {
        ["Hub:MessagesPerSecond"] = "100000",
        ["Hub:MessagesBurst"] = "100000",
        ["Hub:ReplayPageSize"] = "10",
    };

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ASocketKilledMidStreamResumesWithEveryEventExactlyOnceAndInOrder(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind, UnthrottledSmallPages);
        var id = scenario.SessionId;
        // The agent's side drops and stays away a moment, as a phone changing networks would.
        await using var agent = await HubClient.ConnectAsync(scenario.Host.BaseAddress, scenario.Session.AgentToken,
            reconnect: true, reconnectDelay: TimeSpan.FromMilliseconds(300));
        await agent.JoinAsync(id);
        using var stop = new CancellationTokenSource();
        var sent = 0;
        var sender = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await scenario.Customer.ChatAsync(id, "m" + sent);
                sent++;
            }
        });

        await agent.Events.WaitForCountAsync(id, 30);
        agent.KillSocket();
        await agent.Events.WaitAsync(() => agent.Reconnections, n => n >= 1);
        var afterReconnect = agent.Events.LastSeq(id) + 30;
        await agent.Events.WaitForAsync(id, events => events.Count >= afterReconnect);
        await stop.CancelAsync();
        await sender.WaitAsync(TimeSpan.FromSeconds(30));

        var applied = await agent.Events.WaitForCountAsync(id, sent);
        applied.Should().HaveCount(sent);
        applied.Select(e => e.Seq).Should().Equal(Enumerable.Range(1, sent).Select(i => (long)i));
        applied.Select(e => e.DataAs<ChatMessage>().Text).Should().Equal(Enumerable.Range(0, sent).Select(i => "m" + i));
        agent.Replayed.Should().BePositive("what was sent while the socket was dead came back as the replay");
        agent.Events.Arrivals.Select(e => e.Seq).Distinct().Should().HaveCount(sent, "nothing is missing before deduplication");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ALateJoinerPagesThroughTheWholeHistoryInOrder(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind, new Dictionary<string, string?> { ["Hub:ReplayPageSize"] = "3" });
        var id = scenario.SessionId;
        for (var i = 0; i < 4; i++)
        {
            await scenario.Agent.ChatAsync(id, "agent " + i);
            await scenario.Customer.ChatAsync(id, "customer " + i);
        }

        var (_, token) = await SessionSeeder.AddCustomerAsync(scenario.Host, id);
        await using var phone = await HubClient.ConnectAsync(scenario.Host.BaseAddress, token);
        var pages = new List<JoinResult>();
        do
        {
            pages.Add(await phone.JoinAsync(id));
        }
        while (pages[^1].HasMore);

        pages.Select(p => p.Events.Count).Should().Equal(3, 3, 2);
        pages.Should().AllSatisfy(p => p.LatestSeq.Should().Be(8));
        phone.Events.Applied(id).Select(e => e.DataAs<ChatMessage>().Text).Should().Equal(
            "agent 0", "customer 0", "agent 1", "customer 1", "agent 2", "customer 2", "agent 3", "customer 3");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ResendingAMessageIdAppendsItOnce(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;

        var first = await scenario.Customer.InvokeAsync<long>("SendChat", id, "msg-1", "¿me oyes?");
        var again = await scenario.Customer.InvokeAsync<long>("SendChat", id, "msg-1", "¿me oyes?");
        var agentsOwn = await scenario.Agent.InvokeAsync<long>("SendChat", id, "msg-1", "sí");

        again.Should().Be(first);
        agentsOwn.Should().Be(first + 1, "ids are per author");
        var log = await scenario.Customer.Events.WaitForCountAsync(id, 2);
        log.Select(e => e.DataAs<ChatMessage>().Text).Should().Equal("¿me oyes?", "sí");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ASequenceNumberBeyondTheLogResetsTheClientToTheStart(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        await scenario.Agent.ChatAsync(id, "uno");

        var result = await scenario.Customer.InvokeAsync<JoinResult>("JoinSession", id, 999L);

        result.Reset.Should().BeTrue();
        result.Events.Should().ContainSingle().Which.Seq.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheLogKeepsOnlyTheNewestEventsOnceItPassesItsCap(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind, new Dictionary<string, string?> { ["Hub:MaxHistoryEvents"] = "3" });
        var id = scenario.SessionId;
        for (var i = 1; i <= 5; i++)
        {
            await scenario.Agent.ChatAsync(id, "m" + i);
        }

        var (_, token) = await SessionSeeder.AddCustomerAsync(scenario.Host, id);
        await using var phone = await HubClient.ConnectAsync(scenario.Host.BaseAddress, token);
        var joined = await phone.JoinAsync(id);

        joined.LatestSeq.Should().Be(5);
        joined.Events.Select(e => e.DataAs<ChatMessage>().Text).Should().Equal("m3", "m4", "m5");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AReplayComesInPagesOfAtMostTheConfiguredBytesAndTheClientPagesThroughAll(RedisServerKind kind)
    {
        var settings = new Dictionary<string, string?>(UnthrottledSmallPages) { ["Hub:ReplayPageSize"] = "500", ["Hub:ReplayPageBytes"] = "16384" };
        await using var scenario = await HubScenario.StartAsync(servers, kind, settings);
        var id = scenario.SessionId;
        for (var i = 0; i < 20; i++)
        {
            // Each '<' is stored escaped (six bytes): about 3 KB an event, five to a page.
            await scenario.Customer.ChatAsync(id, i + new string('<', 500));
        }

        var (_, token) = await SessionSeeder.AddCustomerAsync(scenario.Host, id);
        await using var phone = await HubClient.ConnectAsync(scenario.Host.BaseAddress, token);
        var pages = new List<JoinResult>();
        do
        {
            pages.Add(await phone.JoinAsync(id));
        }
        while (pages[^1].HasMore);

        var stored = (await scenario.Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .SortedSetRangeByRankWithScoresAsync(HubKeys.Events(id)).WaitAsync(TimeSpan.FromSeconds(30)))
            .ToDictionary(e => (long)e.Score, e => ((byte[])e.Element!).Length);
        pages.Should().HaveCountGreaterThan(3);
        pages.Should().AllSatisfy(p => p.Events.Sum(e => stored[e.Seq]).Should().BeLessThanOrEqualTo(16384));
        phone.Events.Applied(id).Select(e => e.Seq).Should().Equal(Enumerable.Range(1, 20).Select(i => (long)i));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheLogStaysUnderItsByteCapAndTheMessageIdsOfDroppedEventsGoWithThem(RedisServerKind kind)
    {
        var settings = new Dictionary<string, string?>(UnthrottledSmallPages) { ["Hub:MaxMessageBytes"] = "2048", ["Hub:MaxHistoryBytes"] = "16384" };
        await using var scenario = await HubScenario.StartAsync(servers, kind, settings);
        var id = scenario.SessionId;
        var text = new string('<', 1000);
        for (var i = 1; i <= 12; i++)
        {
            await scenario.Customer.InvokeAsync<long>("SendChat", id, "m" + i, text);
        }

        var db = scenario.Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var events = await db.SortedSetRangeByRankWithScoresAsync(HubKeys.Events(id)).WaitAsync(TimeSpan.FromSeconds(30));
        var ids = await db.SortedSetRangeByRankWithScoresAsync(HubKeys.MessageIds(id)).WaitAsync(TimeSpan.FromSeconds(30));
        var held = events.Sum(e => ((byte[])e.Element!).Length) + ids.Sum(e => ((byte[])e.Element!).Length);

        held.Should().BeLessThanOrEqualTo(16384);
        ((long)await db.StringGetAsync(HubKeys.Bytes(id)).WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(held);
        events[^1].Score.Should().Be(12, "the newest event always stays");
        ids.Select(e => e.Score).Should().Equal(events.Select(e => e.Score), "one id per kept chat, none for dropped ones");
        (await scenario.Customer.InvokeAsync<long>("SendChat", id, "m12", text)).Should().Be(12, "a resend of a kept message appends nothing");
        (await scenario.Customer.InvokeAsync<long>("SendChat", id, "m1", text)).Should().Be(13, "a dropped message's id went with it");
    }
}
