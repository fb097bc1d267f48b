using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Twilio.Rest;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

/// <summary>
/// Ending the calls the phone network went silent about when Twilio's REST API cannot be asked (no
/// account SID): when, how often, and what counts as news.
/// </summary>
[Collection(TelephonyRedisCollection.Name)]
public sealed class SilentCallsTests(RedisServers servers) : IAsyncDisposable
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    private readonly RestServices _unconfigured = RestServices.For(new Uri("http://127.0.0.1:9"), new() { ["Twilio:AccountSid"] = "" });

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallIsEndedOnceItsStatusHasNotMovedForStaleAfterAndNotBefore(RedisServerKind kind)
    {
        var (host, clock) = Host(await servers.ConnectAsync(kind));
        var calls = host.Calls;
        var callSid = TestCalls.NewSid();
        await calls.RecordIncomingAsync(callSid, "+34600111222").WaitAsync(TestCalls.Timeout);

        clock.Advance(StaleAfter - TimeSpan.FromSeconds(1));
        var early = await host.SweepAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var due = await host.SweepAsync();
        var record = await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout);
        var live = await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);
        var shown = await calls.ListEndedAfterSilenceAsync(TimeSpan.FromMinutes(15)).WaitAsync(TestCalls.Timeout);
        var lateCallback = await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);

        early.Should().BeEmpty();
        due.Should().ContainSingle().Which.CallSid.Should().Be(callSid);
        record!.Status.Should().Be(CallStatus.Completed);
        record.EndedAt.Should().Be(clock.GetUtcNow());
        record.EndedAfterSilence.Should().Be(StaleAfter);
        live.Should().BeEmpty();
        shown.Should().ContainSingle().Which.CallSid.Should().Be(callSid);
        lateCallback!.Changed.Should().BeFalse("the end stands; the real callback arriving late changes nothing");
        _unconfigured.Events.Should().Contain(e => e.Id == 1150, "nothing can be asked of Twilio without an account SID");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AStatusMoveOrAnAnswerIsNewsThatPutsTheEndOff(RedisServerKind kind)
    {
        var (host, clock) = Host(await servers.ConnectAsync(kind));
        var calls = host.Calls;
        var answered = TestCalls.NewSid();
        var progressed = TestCalls.NewSid();
        await calls.RecordIncomingAsync(answered, "+34600111222").WaitAsync(TestCalls.Timeout);
        await calls.RecordIncomingAsync(progressed, "+34600333444").WaitAsync(TestCalls.Timeout);

        clock.Advance(StaleAfter - TimeSpan.FromMinutes(1));
        await calls.BindAgentAsync(answered, "ana").WaitAsync(TestCalls.Timeout);
        await calls.UpdateStatusAsync(progressed, CallStatus.InProgress).WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromMinutes(1));
        var afterNews = await host.SweepAsync();
        clock.Advance(StaleAfter - TimeSpan.FromMinutes(1));
        var later = await host.SweepAsync();

        afterNews.Should().BeEmpty();
        later.Select(c => c.CallSid).Should().BeEquivalentTo([answered, progressed]);
        later.Should().OnlyContain(c => c.EndedAfterSilence == StaleAfter);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ManyHostsSweepingAtOnceEndEachCallOnceAndAnEndNotToldIsFoundAgain(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var clock = TestCalls.RandomClock();
        var index = SweepingHost.NewIndex();
        var ends = new EndsLogger();
        var hosts = Enumerable.Range(0, 6).Select(_ => Host(redis, clock, index, ends)).ToList();
        var sids = Enumerable.Range(0, 20).Select(_ => TestCalls.NewSid()).ToList();
        foreach (var sid in sids)
        {
            await hosts[0].Calls.RecordIncomingAsync(sid, "+34600111222").WaitAsync(TestCalls.Timeout);
        }

        clock.Advance(StaleAfter);
        var swept = await Task.WhenAll(hosts.Select(h => Task.Run(h.SweepAsync))).WaitAsync(TestCalls.Timeout);
        foreach (var sid in sids.Skip(1))
        {
            await hosts[1].Calls.MarkEndToldAsync(sid).WaitAsync(TestCalls.Timeout);
        }

        var again = await hosts[2].SweepAsync();
        await hosts[2].Calls.MarkEndToldAsync(sids[0]).WaitAsync(TestCalls.Timeout);
        var afterAll = await hosts[3].SweepAsync();

        ends.Lines.Should().HaveCount(sids.Count, "each call is ended by one host, once");
        sids.Should().OnlyContain(sid => ends.Lines.Count(l => l.Contains(sid, StringComparison.Ordinal)) == 1);
        swept.SelectMany(s => s).Select(c => c.CallSid).Distinct().Should().BeEquivalentTo(sids, "every end is handed to some host to tell");
        swept.SelectMany(s => s).GroupBy(c => c.CallSid).Should().OnlyContain(g => g.Select(c => c.EndedAt).Distinct().Count() == 1);
        again.Select(c => c.CallSid).Should().Equal(sids[0]);
        afterAll.Should().BeEmpty();
    }

    public ValueTask DisposeAsync() => _unconfigured.DisposeAsync();

    private (SweepingHost Host, FakeTimeProvider Clock) Host(IConnectionMultiplexer redis)
    {
        var clock = TestCalls.RandomClock();
        return (Host(redis, clock, SweepingHost.NewIndex(), new EndsLogger()), clock);
    }

    private SweepingHost Host(IConnectionMultiplexer redis, TimeProvider clock, RedisKey index, EndsLogger ends) =>
        SweepingHost.Create(redis, clock, index, new CallOptions { StaleAfter = StaleAfter }, _unconfigured.Calls, ends);
}
