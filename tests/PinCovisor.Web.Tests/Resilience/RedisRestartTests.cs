using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Hub;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Resilience;

[Collection(RedisCollection.Name)]
public sealed class RedisRestartTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ASessionItsPinAndItsHistorySurviveARedisRestartAndEachSideSeesEveryEventOnce()
    {
        await using var on = await SessionOnPersistentRedis.StartAsync(exchanges: 5);
        var (session, id, before, host) = (on.Session, on.Session.SessionId, on.Before, on.Host);

        // A graceful stop flushes the file anyway; waiting the window out makes the test hold for
        // a crash at this moment too.
        await SessionOnPersistentRedis.WaitForFsyncAsync();
        on.Redis.Stop();
        on.Redis.StartAgain();
        await ResilienceHost.WaitUntilReadyAsync(on.Http, Recovery);

        var all = await session.BothSeeAsync(await session.ExchangeAsync("after", 5));
        all.Take(before.Count).Select(e => e.Data.GetRawText()).Should().Equal(before.Select(e => e.Data.GetRawText()));
        ChatTexts(all).Should().Equal(Enumerable.Range(0, 5).Select(i => $"before customer {i}")
            .Concat(Enumerable.Range(0, 5).Select(i => $"after customer {i}")));
        foreach (var side in new[] { session.Customer, session.Agent })
        {
            side.Reconnections.Should().Be(0, "a Redis restart does not touch the clients' sockets");
            side.Events.Arrivals.Where(e => e.Seq > before.Count).Select(e => e.Seq).Should().OnlyHaveUniqueItems();
        }

        (await host.Services.GetRequiredService<RedisSessionStore>().GetAsync(id).WaitAsync(Recovery))!.IsClosed.Should().BeFalse();
        (await CallerChecks.ShouldHearAPinAsync(on.Twilio, session.Call.CallSid)).Should().Be(session.Call.Pin,
            "Twilio retrying the call's first webhook reads out the PIN issued before the restart");
        await using var lateJoiner = await HubClient.ConnectAsync(host.BaseAddress, session.AgentToken);
        await lateJoiner.JoinAsync(id);
        lateJoiner.Events.Applied(id).Select(e => (e.Seq, e.Kind, e.Data.GetRawText()))
            .Should().Equal(all.Select(e => (e.Seq, e.Kind, e.Data.GetRawText())), "the history replays everything, once");
    }

    private static IEnumerable<string> ChatTexts(IEnumerable<CovisorEvent> events) =>
        events.Where(e => e.Kind == EventKinds.ChatMessage).Select(e => e.DataAs<ChatMessage>().Text);
}
