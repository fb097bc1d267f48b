using PhoneBridge.Testing.Redis;

namespace PhoneBridge.Tests.Calls;

[Collection(TelephonyRedisCollection.Name)]
public sealed class SmsCountTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task FiftyConcurrentRequestsAreAllowedExactlyMaxTimes(RedisServerKind kind)
    {
        var (calls, callSid) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));

        var allowed = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => calls.TryCountSmsAsync(callSid, 3)))
            .WaitAsync(TestCalls.Timeout);

        allowed.Count(a => a).Should().Be(3);
        (await calls.GetAsync(callSid).WaitAsync(TestCalls.Timeout))!.SmsSent.Should().Be(3);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task NoSmsIsAllowedForAnUnknownCallOrWithALimitOfZero(RedisServerKind kind)
    {
        var (calls, known) = await TestCalls.WithIncomingCallAsync(await servers.ConnectAsync(kind));
        var unknown = TestCalls.NewSid();

        (await calls.TryCountSmsAsync(unknown, 3).WaitAsync(TestCalls.Timeout)).Should().BeFalse();
        (await calls.GetAsync(unknown).WaitAsync(TestCalls.Timeout)).Should().BeNull("counting must not create a record");
        (await calls.TryCountSmsAsync(known, 0).WaitAsync(TestCalls.Timeout)).Should().BeFalse();
    }
}
