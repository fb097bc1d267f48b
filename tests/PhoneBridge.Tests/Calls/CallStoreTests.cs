using PhoneBridge.Calls;
using PhoneBridge.Redis;
using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Tests.Calls;

[Collection(TelephonyRedisCollection.Name)]
public sealed class CallStoreTests(RedisServers servers)
{
    private const string SpanishMobile = "+34600111222";

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RecordingAnIncomingCallAgainKeepsTheFirstStartAndStoresTheNumberMasked(RedisServerKind kind)
    {
        var clock = TestCalls.RandomClock();
        var calls = TestCalls.Store(await servers.ConnectAsync(kind), clock);
        var callSid = TestCalls.NewSid();
        var startedAt = clock.GetUtcNow();

        var first = await calls.RecordIncomingAsync(callSid, SpanishMobile).WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromSeconds(15));
        var retry = await calls.RecordIncomingAsync(callSid, SpanishMobile).WaitAsync(TestCalls.Timeout);

        first.Should().Be(new CallRecord(callSid, CallStatus.Ringing, "+34 6•• ••• 222", null, startedAt, null, 0));
        retry.Should().Be(first);
        (await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().Be(first);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheCallersFullNumberIsNowhereInRedis(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);

        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(redis);
        await calls.BindAgentAsync(callSid, "ana").WaitAsync(TestCalls.Timeout);
        await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);

        var written = await RedisContents.ReadAsync(redis, $"pb:{{call:{callSid}}}*");
        written.Should().NotBeEmpty();
        written.Keys.Concat(written.Values.SelectMany(v => v)).Should().NotContain(s => s.Contains("600111", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallWithoutANumberHasNoMaskedNumber(RedisServerKind kind)
    {
        var calls = TestCalls.Store(await servers.ConnectAsync(kind), TestCalls.RandomClock());

        var record = await calls.RecordIncomingAsync(TestCalls.NewSid(), null).WaitAsync(TestCalls.Timeout);

        record.MaskedFrom.Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnOverStatusSetsEndedAtAndALateRingingNeverReopensTheCall(RedisServerKind kind)
    {
        var clock = TestCalls.RandomClock();
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind), clock);
        await calls.UpdateStatusAsync(callSid, CallStatus.InProgress).WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromMinutes(4));
        var endedAt = clock.GetUtcNow();

        var ended = await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromSeconds(5));
        var late = await calls.UpdateStatusAsync(callSid, CallStatus.Ringing).WaitAsync(TestCalls.Timeout);
        var otherEnd = await calls.UpdateStatusAsync(callSid, CallStatus.Failed).WaitAsync(TestCalls.Timeout);

        ended!.Changed.Should().BeTrue();
        ended.Call.Status.Should().Be(CallStatus.Completed);
        ended.Call.EndedAt.Should().Be(endedAt);
        late.Should().Be(ended with { Changed = false });
        otherEnd.Should().Be(ended with { Changed = false }, "the first over status is final");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnOutOfOrderRingingDoesNotUndoInProgress(RedisServerKind kind)
    {
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));

        await calls.UpdateStatusAsync(callSid, CallStatus.InProgress).WaitAsync(TestCalls.Timeout);
        var late = await calls.UpdateStatusAsync(callSid, CallStatus.Ringing).WaitAsync(TestCalls.Timeout);

        late!.Changed.Should().BeFalse();
        late.Call.Status.Should().Be(CallStatus.InProgress);
        late.Call.EndedAt.Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task UpdatesForAnUnknownCallCreateNothing(RedisServerKind kind)
    {
        var calls = TestCalls.Store(await servers.ConnectAsync(kind), TestCalls.RandomClock());
        var callSid = TestCalls.NewSid();

        (await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await calls.BindAgentAsync(callSid, "ana").WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheAgentWhoAnswersIsBoundAndALaterAnswerReplacesThem(RedisServerKind kind)
    {
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));

        var first = await calls.BindAgentAsync(callSid, "ana").WaitAsync(TestCalls.Timeout);
        var transferred = await calls.BindAgentAsync(callSid, "luis").WaitAsync(TestCalls.Timeout);

        first!.AnsweringAgent.Should().Be("ana");
        transferred!.AnsweringAgent.Should().Be("luis");
        (await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout))!.AnsweringAgent.Should().Be("luis");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAgentLegRemembersItsAgentForTheRecordLifetime(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var calls = TestCalls.Store(redis, TestCalls.RandomClock());
        var leg = TestCalls.NewSid();

        await calls.RecordAgentLegAsync(leg, "ana").WaitAsync(TestCalls.Timeout);

        (await calls.FindAgentOnLegAsync(leg).WaitAsync(TestCalls.Timeout)).Should().Be("ana");
        (await calls.FindAgentOnLegAsync(TestCalls.NewSid()).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await redis.GetDatabase().KeyTimeToLiveAsync(RedisKeys.AgentLeg(leg)).WaitAsync(TestCalls.Timeout))
            .Should().BeCloseTo(new CallOptions().RecordLifetime, TimeSpan.FromMinutes(1));
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallRecordExpiresAfterTheRecordLifetime(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);

        var (_, callSid) = await TestCalls.WithIncomingCallAsync(redis);

        (await redis.GetDatabase().KeyTimeToLiveAsync(RedisKeys.Call(callSid)).WaitAsync(TestCalls.Timeout))
            .Should().BeCloseTo(new CallOptions().RecordLifetime, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void CallSidsThatCouldEscapeTheirHashTagAreRefused()
    {
        var building = () => RedisKeys.Call("CA1}:{pins");

        building.Should().Throw<ArgumentException>();
    }
}
