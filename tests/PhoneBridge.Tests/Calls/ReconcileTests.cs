using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PhoneBridge.Tests.Twilio.Rest;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

/// <summary>
/// Calls without news are asked about on Twilio's REST API (the simulated API on loopback): ended
/// there, ended here with Twilio's status; still live, kept; unknown to Twilio or Twilio out of reach,
/// ended after silence at <see cref="CallOptions.StaleAfter"/> as when it cannot be asked.
/// </summary>
[Collection(TelephonyRedisCollection.Name)]
public sealed class ReconcileTests(RedisServers servers)
{
    private static readonly TimeSpan ReconcileAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallWhoseEndCallbackWasLostIsEndedWithTwiliosStatusOnceReconcileAfterHasPassed(RedisServerKind kind)
    {
        await using var sweeping = await Sweeping.StartAsync(await servers.ConnectAsync(kind));
        var (api, host, clock, ends) = (sweeping.Api, sweeping.Host, sweeping.Clock, sweeping.Ends);
        var callSid = await sweeping.CallAsync(twilioStatus: "ringing");
        api.Api.SetStatus(callSid, "busy");

        clock.Advance(ReconcileAfter - TimeSpan.FromSeconds(1));
        var early = await host.SweepAsync();
        var asksEarly = api.Attempts;
        clock.Advance(TimeSpan.FromSeconds(1));
        var due = await host.SweepAsync();
        var record = await host.Calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout);
        var live = await host.Calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);
        var silentEnds = await host.Calls.ListEndedAfterSilenceAsync(TimeSpan.FromHours(1)).WaitAsync(TestCalls.Timeout);
        var untoldAgain = await host.SweepAsync();
        await host.Calls.MarkEndToldAsync(callSid).WaitAsync(TestCalls.Timeout);
        var afterTold = await host.SweepAsync();
        var lateCallback = await host.Calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);

        early.Should().BeEmpty();
        asksEarly.Should().Be(0, "no call is asked about before ReconcileAfter");
        due.Should().ContainSingle().Which.CallSid.Should().Be(callSid);
        record!.Status.Should().Be(CallStatus.Busy, "Twilio's status, not a guess");
        record.EndedAt.Should().Be(clock.GetUtcNow());
        record.EndedAfterSilence.Should().BeNull("Twilio said how it ended");
        live.Should().BeEmpty();
        silentEnds.Should().BeEmpty("agents are shown the ends the host had to guess");
        untoldAgain.Select(c => c.CallSid).Should().Equal([callSid], "an end not yet told is handed over again");
        afterTold.Should().BeEmpty();
        lateCallback!.Changed.Should().BeFalse("the end stands; the real callback arriving late changes nothing");
        api.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal(
            $"GET /2010-04-01/Accounts/{LoopbackTwilioApi.AccountSid}/Calls/{callSid}.json");
        ends.AsReported.Should().ContainSingle().Which.Should().Contain(callSid).And.Contain("busy");
        ends.AfterSilence.Should().BeEmpty();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallTwilioSaysIsInProgressStaysListedPastStaleAfterAndIsAskedAgainOnlyAfterAnotherReconcileAfter(RedisServerKind kind)
    {
        await using var sweeping = await Sweeping.StartAsync(await servers.ConnectAsync(kind));
        var (api, host, clock, ends) = (sweeping.Api, sweeping.Host, sweeping.Clock, sweeping.Ends);
        var callSid = await sweeping.CallAsync(twilioStatus: "in-progress");
        await host.Calls.UpdateStatusAsync(callSid, CallStatus.InProgress).WaitAsync(TestCalls.Timeout);

        var asks = new List<int>();
        var swept = new List<CallRecord>();
        // Five stretches of ReconcileAfter, each swept twice (once a minute short of it): 50 minutes, past StaleAfter.
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(ReconcileAfter - TimeSpan.FromMinutes(1));
            swept.AddRange(await host.SweepAsync());
            asks.Add(api.Attempts);
            clock.Advance(TimeSpan.FromMinutes(1));
            swept.AddRange(await host.SweepAsync());
            asks.Add(api.Attempts);
        }

        var checkedCall = await host.Calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout);
        var live = await host.Calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);
        api.Api.SetStatus(callSid, "completed");
        clock.Advance(ReconcileAfter);
        var ended = await host.SweepAsync();

        swept.Should().BeEmpty();
        asks.Should().Equal([0, 1, 1, 2, 2, 3, 3, 4, 4, 5], "asked once per ReconcileAfter of silence, never every sweep");
        checkedCall!.Status.Should().Be(CallStatus.InProgress);
        checkedCall.CheckedAt.Should().Be(clock.GetUtcNow() - ReconcileAfter, "the last sweep before the end asked");
        live.Select(c => c.CallSid).Should().Equal(callSid);
        ended.Should().ContainSingle().Which.Status.Should().Be(CallStatus.Completed);
        ends.AfterSilence.Should().BeEmpty();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallTwilioDoesNotKnowIsAskedOncePerReconcileAfterAndEndedAfterSilenceAtStaleAfter(RedisServerKind kind)
    {
        await using var sweeping = await Sweeping.StartAsync(await servers.ConnectAsync(kind));
        var (api, host, clock, ends) = (sweeping.Api, sweeping.Host, sweeping.Clock, sweeping.Ends);
        var callSid = await sweeping.CallAsync(twilioStatus: null);

        clock.Advance(ReconcileAfter);
        var first = await host.SweepAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        var throttled = await host.SweepAsync();
        var asksBefore = api.Attempts;
        clock.Advance(StaleAfter - ReconcileAfter - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var early = await host.SweepAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var due = await host.SweepAsync();

        first.Should().BeEmpty("Twilio not knowing a call is no proof it has ended: the host waits for StaleAfter");
        throttled.Should().BeEmpty();
        asksBefore.Should().Be(1);
        early.Should().BeEmpty();
        var end = due.Should().ContainSingle().Subject;
        (end.CallSid, end.Status, end.EndedAfterSilence).Should().Be((callSid, CallStatus.Completed, StaleAfter));
        api.Attempts.Should().Be(3, "asked at 10 and 29:59 minutes, and once more before the end");
        ends.AfterSilence.Should().ContainSingle().Which.Should().Contain(callSid);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WhenTwilioCannotBeReachedCallsAreEndedAfterSilenceAtStaleAfterAndOneSweepWaitsOnItOnce(RedisServerKind kind)
    {
        await using var sweeping = await Sweeping.StartAsync(await servers.ConnectAsync(kind));
        var (api, host, clock, ends) = (sweeping.Api, sweeping.Host, sweeping.Clock, sweeping.Ends);
        var sids = new[] { await sweeping.CallAsync(twilioStatus: "completed"), await sweeping.CallAsync(twilioStatus: "completed") };

        api.DropNext(1000);
        clock.Advance(ReconcileAfter);
        var unanswered = await host.SweepAsync();
        var asked = api.Requests.Select(r => r.Path).Distinct().ToList();
        clock.Advance(StaleAfter - ReconcileAfter);
        var due = await host.SweepAsync();

        unanswered.Should().BeEmpty();
        asked.Should().ContainSingle("once Twilio is out of reach the sweep asks about no other call");
        due.Select(c => c.CallSid).Should().BeEquivalentTo(sids);
        due.Should().OnlyContain(c => c.EndedAfterSilence == StaleAfter && c.Status == CallStatus.Completed);
        sweeping.Rest.Events.Should().Contain(e => e.Id == 1152, "the REST client says Twilio was unreachable");
        ends.AfterSilence.Should().HaveCount(2);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ManyHostsSweepingAtOnceAskTwilioOnceAboutEachCallAndEndItOnce(RedisServerKind kind)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var rest = RestServices.For(api.BaseAddress);
        var redis = await servers.ConnectAsync(kind);
        var clock = TestCalls.RandomClock();
        var index = SweepingHost.NewIndex();
        var ends = new EndsLogger();
        var hosts = Enumerable.Range(0, 4).Select(_ => SweepingHost.Create(redis, clock, index, Options(), rest.Calls, ends)).ToList();
        var reported = Enumerable.Range(0, 8).Select(_ => TestCalls.NewSid()).ToList();
        var unknown = Enumerable.Range(0, 8).Select(_ => TestCalls.NewSid()).ToList();
        foreach (var sid in reported.Concat(unknown))
        {
            await hosts[0].Calls.RecordIncomingAsync(sid, "+34600111222").WaitAsync(TestCalls.Timeout);
        }

        foreach (var sid in reported)
        {
            api.Api.AddCall(sid, "+34600111222", "+34910000000", status: "no-answer");
        }

        clock.Advance(ReconcileAfter);
        var swept = await Task.WhenAll(hosts.Select(h => Task.Run(h.SweepAsync))).WaitAsync(TestCalls.Timeout);
        var askedFirst = AskedPerCall(api);
        clock.Advance(StaleAfter - ReconcileAfter);
        var sweptAtStale = await Task.WhenAll(hosts.Select(h => Task.Run(h.SweepAsync))).WaitAsync(TestCalls.Timeout);
        var askedInAll = AskedPerCall(api);

        askedFirst.Keys.Should().BeEquivalentTo(reported.Concat(unknown));
        askedFirst.Values.Should().OnlyContain(n => n == 1, "one host asks about each call");
        askedInAll.Where(a => unknown.Contains(a.Key)).Should().OnlyContain(a => a.Value == 2, "and one host asks again before the end");
        ends.AsReported.Should().HaveCount(reported.Count);
        reported.Should().OnlyContain(sid => ends.AsReported.Count(l => l.Contains(sid, StringComparison.Ordinal)) == 1);
        unknown.Should().OnlyContain(sid => ends.AfterSilence.Count(l => l.Contains(sid, StringComparison.Ordinal)) == 1);
        swept.SelectMany(s => s).Select(c => c.CallSid).Distinct().Should().BeEquivalentTo(reported, "every end is handed to some host to tell");
        swept.SelectMany(s => s).Should().OnlyContain(c => c.Status == CallStatus.NoAnswer);
        sweptAtStale.SelectMany(s => s).Select(c => c.CallSid).Should().Contain(unknown);
    }

    private static Dictionary<string, int> AskedPerCall(LoopbackTwilioApi api) =>
        api.Requests.GroupBy(r => r.Path.Split('/')[^1].Replace(".json", "", StringComparison.Ordinal)).ToDictionary(g => g.Key, g => g.Count());

    private static CallOptions Options() => new() { StaleAfter = StaleAfter, ReconcileAfter = ReconcileAfter };

    /// <summary>One host sweeping on a clock of its own, asking the simulated REST API on loopback.</summary>
    private sealed record Sweeping(LoopbackTwilioApi Api, RestServices Rest, SweepingHost Host, FakeTimeProvider Clock, EndsLogger Ends)
        : IAsyncDisposable
    {
        public static async Task<Sweeping> StartAsync(IConnectionMultiplexer redis)
        {
            var api = await LoopbackTwilioApi.StartAsync();
            var rest = RestServices.For(api.BaseAddress);
            var clock = TestCalls.RandomClock();
            var ends = new EndsLogger();
            return new(api, rest, SweepingHost.Create(redis, clock, SweepingHost.NewIndex(), Options(), rest.Calls, ends), clock, ends);
        }

        /// <summary>A new call the host has recorded, known to Twilio with <paramref name="twilioStatus"/> unless that is null.</summary>
        public async Task<string> CallAsync(string? twilioStatus)
        {
            var callSid = TestCalls.NewSid();
            await Host.Calls.RecordIncomingAsync(callSid, "+34600111222").WaitAsync(TestCalls.Timeout);
            if (twilioStatus is not null)
            {
                Api.Api.AddCall(callSid, "+34600111222", "+34910000000", twilioStatus);
            }

            return callSid;
        }

        public async ValueTask DisposeAsync()
        {
            await Rest.DisposeAsync();
            await Api.DisposeAsync();
        }
    }
}
