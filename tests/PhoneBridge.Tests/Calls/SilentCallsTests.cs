using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

/// <summary>Ending the calls the phone network went silent about: when, how often, and what counts as news.</summary>
[Collection(RedisCollection.Name)]
public sealed class SilentCallsTests(RedisServers servers)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallIsEndedOnceItsStatusHasNotMovedForStaleAfterAndNotBefore(RedisServerKind kind)
    {
        var (calls, clock) = Store(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();
        await calls.RecordIncomingAsync(callSid, "+34600111222").WaitAsync(TestCalls.Timeout);

        clock.Advance(StaleAfter - TimeSpan.FromSeconds(1));
        var early = await calls.EndSilentCallsAsync().WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromSeconds(1));
        var due = await calls.EndSilentCallsAsync().WaitAsync(TestCalls.Timeout);
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
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AStatusMoveOrAnAnswerIsNewsThatPutsTheEndOff(RedisServerKind kind)
    {
        var (calls, clock) = Store(await servers.ConnectAsync(kind));
        var answered = TestCalls.NewSid();
        var progressed = TestCalls.NewSid();
        await calls.RecordIncomingAsync(answered, "+34600111222").WaitAsync(TestCalls.Timeout);
        await calls.RecordIncomingAsync(progressed, "+34600333444").WaitAsync(TestCalls.Timeout);

        clock.Advance(StaleAfter - TimeSpan.FromMinutes(1));
        await calls.BindAgentAsync(answered, "ana").WaitAsync(TestCalls.Timeout);
        await calls.UpdateStatusAsync(progressed, CallStatus.InProgress).WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromMinutes(1));
        var afterNews = await calls.EndSilentCallsAsync().WaitAsync(TestCalls.Timeout);
        clock.Advance(StaleAfter - TimeSpan.FromMinutes(1));
        var later = await calls.EndSilentCallsAsync().WaitAsync(TestCalls.Timeout);

        afterNews.Should().BeEmpty();
        later.Select(c => c.CallSid).Should().BeEquivalentTo([answered, progressed]);
        later.Should().OnlyContain(c => c.EndedAfterSilence == StaleAfter);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ManyHostsSweepingAtOnceEndEachCallOnceAndAnEndNotToldIsFoundAgain(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var clock = TestCalls.RandomClock();
        var index = NewIndex();
        var ends = new EndsLogger();
        var hosts = Enumerable.Range(0, 6).Select(_ => Store(redis, clock, index, ends)).ToList();
        var sids = Enumerable.Range(0, 20).Select(_ => TestCalls.NewSid()).ToList();
        foreach (var sid in sids)
        {
            await hosts[0].RecordIncomingAsync(sid, "+34600111222").WaitAsync(TestCalls.Timeout);
        }

        clock.Advance(StaleAfter);
        var swept = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.EndSilentCallsAsync()))).WaitAsync(TestCalls.Timeout);
        foreach (var sid in sids.Skip(1))
        {
            await hosts[1].MarkEndToldAsync(sid).WaitAsync(TestCalls.Timeout);
        }

        var again = await hosts[2].EndSilentCallsAsync().WaitAsync(TestCalls.Timeout);
        await hosts[2].MarkEndToldAsync(sids[0]).WaitAsync(TestCalls.Timeout);
        var afterAll = await hosts[3].EndSilentCallsAsync().WaitAsync(TestCalls.Timeout);

        ends.Lines.Should().HaveCount(sids.Count, "each call is ended by one host, once");
        sids.Should().OnlyContain(sid => ends.Lines.Count(l => l.Contains(sid, StringComparison.Ordinal)) == 1);
        swept.SelectMany(s => s).Select(c => c.CallSid).Distinct().Should().BeEquivalentTo(sids, "every end is handed to some host to tell");
        swept.SelectMany(s => s).GroupBy(c => c.CallSid).Should().OnlyContain(g => g.Select(c => c.EndedAt).Distinct().Count() == 1);
        again.Select(c => c.CallSid).Should().Equal(sids[0]);
        afterAll.Should().BeEmpty();
    }

    private static string NewIndex() => $"pb:{{calls-test}}:live:{RandomNumberGenerator.GetHexString(16, lowercase: true)}";

    private static (RedisCallStore Calls, FakeTimeProvider Clock) Store(IConnectionMultiplexer redis)
    {
        var clock = TestCalls.RandomClock();
        return (Store(redis, clock, NewIndex()), clock);
    }

    private static RedisCallStore Store(IConnectionMultiplexer redis, TimeProvider clock, RedisKey index, ILogger? logger = null) =>
        new(redis, Options.Create(new CallOptions { StaleAfter = StaleAfter }), clock, logger ?? NullLogger.Instance, index);

    /// <summary>Keeps the "ended after silence" lines (event 1309) of every store given it.</summary>
    private sealed class EndsLogger : ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 1309)
            {
                _lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
