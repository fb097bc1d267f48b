using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Throttling;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Throttling;

[Collection(RedisCollection.Name)]
public sealed class AttemptThrottleTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task CountersExpiringUnderConcurrentAttemptsNeverFailTheScript(RedisServerKind kind)
    {
        // Windows of a few milliseconds, so keys keep expiring between and inside the scripts' steps.
        var throttle = new AttemptThrottle(await servers.ConnectAsync(kind));
        var prefix = "pb:{throttle:test-" + Guid.NewGuid().ToString("N")[..8] + "}:";
        var failures = 0;
        for (var round = 0; round < 300; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
            {
                ThrottleCounter[] counters =
                [
                    new(prefix + "client:" + (i % 10), 3, TimeSpan.FromMilliseconds(7)),
                    new(prefix + "global", 1000, TimeSpan.FromMilliseconds(13), OverLimit.Flag),
                ];
                try
                {
                    if ((await throttle.BeginAsync(counters).WaitAsync(Timeout)).RetryAfter is null && i % 3 == 0)
                    {
                        await throttle.SucceededAsync(counters).WaitAsync(Timeout);
                    }
                }
                catch (RedisServerException)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        }

        failures.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ASuccessTakesItsCountBackAndSaysWhetherAFlaggingCounterIsFullWithoutIt(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var throttle = new AttemptThrottle(redis);
        var prefix = "pb:{throttle:test-" + Guid.NewGuid().ToString("N")[..8] + "}:";
        ThrottleCounter[] counters =
        [
            new(prefix + "client", 5, TimeSpan.FromMinutes(1)),
            new(prefix + "global", 2, TimeSpan.FromMinutes(1), OverLimit.Flag),
        ];

        var first = await throttle.BeginAsync(counters).WaitAsync(Timeout);
        var firstBack = await throttle.SucceededAsync(counters).WaitAsync(Timeout);
        await throttle.BeginAsync(counters).WaitAsync(Timeout);
        await throttle.BeginAsync(counters).WaitAsync(Timeout);
        var third = await throttle.BeginAsync(counters).WaitAsync(Timeout);
        var thirdBack = await throttle.SucceededAsync(counters).WaitAsync(Timeout);

        first.Should().Be(new ThrottleVerdict(null, false));
        firstBack.Should().BeFalse();
        third.Should().Be(new ThrottleVerdict(null, true), "the third attempt passes a limit of two");
        thirdBack.Should().BeTrue("two other attempts still fill it");
        ((long)await redis.GetDatabase().StringGetAsync(prefix + "client").WaitAsync(Timeout)).Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACounterLeftWithoutExpiryGetsItsWindowBack(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var throttle = new AttemptThrottle(redis);
        var prefix = "pb:{throttle:test-" + Guid.NewGuid().ToString("N")[..8] + "}:";
        var full = (RedisKey)(prefix + "full");
        var counting = (RedisKey)(prefix + "counting");
        await redis.GetDatabase().StringSetAsync(full, 9).WaitAsync(Timeout);
        await redis.GetDatabase().StringSetAsync(counting, 1).WaitAsync(Timeout);

        var refused = await throttle.BeginAsync([new(full, 3, TimeSpan.FromMinutes(2))]).WaitAsync(Timeout);
        await throttle.BeginAsync([new(counting, 3, TimeSpan.FromMinutes(2))]).WaitAsync(Timeout);

        refused.RetryAfter.Should().BeGreaterThan(TimeSpan.FromMinutes(1)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(2));
        (await redis.GetDatabase().KeyTimeToLiveAsync(full).WaitAsync(Timeout)).Should().NotBeNull();
        (await redis.GetDatabase().KeyTimeToLiveAsync(counting).WaitAsync(Timeout)).Should().NotBeNull();
    }
}
