using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Calls;
using PhoneBridge.Redis;
using PhoneBridge.Testing.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

[Collection(TelephonyRedisCollection.Name)]
public sealed class LiveCallsTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallIsListedLiveFromItsFirstWebhookUntilItsCallEnds(RedisServerKind kind)
    {
        var (calls, _) = Store(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();

        var ringing = await calls.RecordIncomingAsync(callSid, "+34600111222").WaitAsync(TestCalls.Timeout);
        var whileRinging = await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);
        await calls.BindAgentAsync(callSid, "ana").WaitAsync(TestCalls.Timeout);
        var inProgress = await calls.UpdateStatusAsync(callSid, CallStatus.InProgress).WaitAsync(TestCalls.Timeout);
        var whileTalking = await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);
        await calls.UpdateStatusAsync(callSid, CallStatus.Completed).WaitAsync(TestCalls.Timeout);
        var afterTheEnd = await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);

        whileRinging.Should().Equal(ringing);
        whileTalking.Should().Equal(inProgress!.Call);
        whileTalking[0].AnsweringAgent.Should().Be("ana");
        whileTalking[0].MaskedFrom.Should().Be("+34 6•• ••• 222");
        afterTheEnd.Should().BeEmpty();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task LiveCallsAreListedLongestWaitingFirstAndARetryKeepsTheFirstPlace(RedisServerKind kind)
    {
        var (calls, clock) = Store(await servers.ConnectAsync(kind));
        var first = TestCalls.NewSid();
        var second = TestCalls.NewSid();

        await calls.RecordIncomingAsync(first, "+34600111222").WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromSeconds(30));
        await calls.RecordIncomingAsync(second, "+34600333444").WaitAsync(TestCalls.Timeout);
        clock.Advance(TimeSpan.FromSeconds(30));
        await calls.RecordIncomingAsync(first, "+34600111222").WaitAsync(TestCalls.Timeout);

        (await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout)).Select(c => c.CallSid).Should().Equal(first, second);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallWhoseRecordExpiredLeavesTheListAndTheIndex(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var (calls, clock) = Store(redis, out var index);
        var forgotten = TestCalls.NewSid();
        var evicted = TestCalls.NewSid();
        await calls.RecordIncomingAsync(forgotten, "+34600111222").WaitAsync(TestCalls.Timeout);
        await calls.RecordIncomingAsync(evicted, "+34600111222").WaitAsync(TestCalls.Timeout);

        // One record vanishes as Redis expiry would remove it; the other outlives the record lifetime.
        await redis.GetDatabase().KeyDeleteAsync(RedisKeys.Call(evicted)).WaitAsync(TestCalls.Timeout);
        var afterEviction = await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);
        clock.Advance(new CallOptions().RecordLifetime + TimeSpan.FromMilliseconds(1));
        var afterLifetime = await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout);

        afterEviction.Select(c => c.CallSid).Should().Equal(forgotten);
        afterLifetime.Should().BeEmpty();
        (await redis.GetDatabase().SortedSetLengthAsync(index).WaitAsync(TestCalls.Timeout)).Should().Be(0);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnEndedCallLeftInTheIndexByALostRemovalIsDroppedWhenListed(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var (calls, _) = Store(redis, out var index);
        var callSid = TestCalls.NewSid();
        var started = await calls.RecordIncomingAsync(callSid, null).WaitAsync(TestCalls.Timeout);
        await calls.UpdateStatusAsync(callSid, CallStatus.Canceled).WaitAsync(TestCalls.Timeout);

        // As if Redis had failed between the status script and the index update.
        await redis.GetDatabase().SortedSetAddAsync(index, callSid, started.StartedAt.ToUnixTimeMilliseconds()).WaitAsync(TestCalls.Timeout);

        (await calls.ListLiveAsync().WaitAsync(TestCalls.Timeout)).Should().BeEmpty();
        (await redis.GetDatabase().SortedSetLengthAsync(index).WaitAsync(TestCalls.Timeout)).Should().Be(0);
    }

    [Fact]
    public void TheSharedIndexHasItsOwnHashTagApartFromEveryCall()
    {
        ((string)LiveCallIndex.DefaultKey!).Should().Be("pb:{calls}:live");
    }

    private static (RedisCallStore Calls, FakeTimeProvider Clock) Store(IConnectionMultiplexer redis) => Store(redis, out _);

    // Each test lists its own index: the shared one holds other tests' calls on other clocks.
    private static (RedisCallStore Calls, FakeTimeProvider Clock) Store(IConnectionMultiplexer redis, out RedisKey index)
    {
        var clock = TestCalls.RandomClock();
        index = $"pb:{{calls-test}}:live:{RandomNumberGenerator.GetHexString(16, lowercase: true)}";
        var calls = new RedisCallStore(redis, Options.Create(new CallOptions()), clock, NullLogger.Instance, index);
        return (calls, clock);
    }
}
