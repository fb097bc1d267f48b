using System.Net;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Sessions;

[Collection(RedisCollection.Name)]
public sealed class SessionClosingTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WhenTheCallEndsTheSessionClosesAfterTheGracePeriodAndItsTokensAreRevoked(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var call = await Caller.CallAsync(host.Twilio);
        await Caller.AnswerAsync(host.Twilio, call.CallSid);
        var joined = await host.Api.JoinedAsync(call.Pin);
        var store = host.Get<RedisSessionStore>();

        await Caller.StatusAsync(host.Twilio, call.CallSid, "completed");
        var ended = await store.GetAsync(joined.SessionId).WaitAsync(Timeout);
        host.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var duringGrace = await store.GetAsync(joined.SessionId).WaitAsync(Timeout);
        using var tokenDuringGrace = await host.Api.GetAsync($"/api/sessions/{joined.SessionId}", joined.Token);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var closed = await EventuallyClosedAsync(store, joined.SessionId);
        using var tokenAfter = await host.Api.GetAsync($"/api/sessions/{joined.SessionId}", joined.Token);

        ended!.CallEndedAt.Should().Be(host.Clock.GetUtcNow() - TimeSpan.FromMinutes(2));
        duringGrace!.IsClosed.Should().BeFalse();
        tokenDuringGrace.StatusCode.Should().Be(HttpStatusCode.OK);
        closed.ClosedAt.Should().Be(host.Clock.GetUtcNow());
        tokenAfter.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await store.ListOpenForAgentAsync("ana").WaitAsync(Timeout)).Should().NotContain(s => s.Id == joined.SessionId);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ClosingASessionTwiceClosesItOnce(RedisServerKind kind)
    {
        await using var host = SessionHost.Start(servers, kind);
        var seeded = await SessionSeeder.SeedAsync(host.Host);
        var lifecycle = host.Get<SessionLifecycle>();

        var first = await lifecycle.CloseAsync(seeded.SessionId, "agent-ended").WaitAsync(Timeout);
        var second = await lifecycle.CloseAsync(seeded.SessionId, "agent-ended").WaitAsync(Timeout);
        using var customer = await host.Api.GetAsync($"/api/sessions/{seeded.SessionId}", seeded.CustomerToken);

        first.Should().BeTrue();
        second.Should().BeFalse();
        (await lifecycle.CloseAsync("s_AAAAAAAAAAAAAAAAAAAAAA", "agent-ended").WaitAsync(Timeout)).Should().BeFalse();
        customer.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<CovisorSession> EventuallyClosedAsync(RedisSessionStore store, string sessionId)
    {
        // The closer runs on its own timer; poll until it has been (never asserting how long it took).
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var session = await store.GetAsync(sessionId).WaitAsync(Timeout);
            if (session is { IsClosed: true })
            {
                return session;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
