using System.Security.Cryptography;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Resilience;

[Collection(RedisCollection.Name)]
public sealed class HostLossTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhenTheCustomersHostDiesMidFlowTheyResumeOnTheOtherHostWithEveryEventOnce()
    {
        using var redis = RedisServerProcess.Start();
        var shared = new Dictionary<string, string?> { ["Pins:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        await using var customerHost = ResilienceHost.Start(redis.Port, shared);
        await using var agentHost = ResilienceHost.Start(redis.Port, shared);
        await using var session = await AdmittedCall.StartAsync(customerHost, agentHost);
        var id = session.SessionId;
        await using var firstConnection = session.Customer;

        // The agent keeps talking (below the hub's rate limit) through everything that follows.
        using var stop = new CancellationTokenSource();
        var sent = new List<long>();
        var sender = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                sent.Add(await session.Agent.ChatAsync(id, "m" + i));
                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            }
        });

        await firstConnection.Events.WaitForAsync(id, events => events.Count(IsChat) >= 10);
        await customerHost.DisposeAsync();
        var lastApplied = firstConnection.Events.LastSeq(id);
        // Finding the other host takes the phone a moment, while the agent goes on.
        await session.Agent.Events.WaitForCountAsync(id, (int)lastApplied + 5);
        // The browser opens a new connection (the load balancer sends it to the surviving host),
        // keeps what it had applied, and re-joins after its last sequence number.
        session.Customer = await HubClient.ConnectAsync(agentHost.BaseAddress, session.CustomerToken, reconnect: true,
            events: firstConnection.Events);
        var rejoined = await session.Customer.JoinAsync(id);
        await session.Customer.Events.WaitForCountAsync(id, (int)rejoined.LatestSeq + 10);
        await stop.CancelAsync();
        await sender.WaitAsync(Timeout);

        var all = await session.BothSeeAsync(sent[^1]);
        rejoined.Events.Should().NotBeEmpty("what was said while the customer had no host came back as the replay");
        rejoined.Events[0].Seq.Should().Be(lastApplied + 1, "the replay starts right after the last event applied");
        all.Where(IsChat).Select(e => e.DataAs<ChatMessage>().Text)
            .Should().Equal(Enumerable.Range(0, sent.Count).Select(i => "m" + i), "every message once, in order");
        session.Customer.Events.Arrivals.Select(e => e.Seq).Distinct().Should().HaveCount(all.Count, "nothing arrived that was not sent");
    }

    private static bool IsChat(CovisorEvent e) => e.Kind == EventKinds.ChatMessage;
}
