using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Calls;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Calls;

/// <summary>Fresh data for each test, so tests sharing the Redis servers never see each other's calls.</summary>
internal static class TestCalls
{
    /// <summary>The longest any single await in these tests may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A CallSid shaped like Twilio's ("CA" and 32 hex digits), never used before.</summary>
    public static string NewSid() => "CA" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>
    /// A clock starting at a random instant between 2001 and 2090, so code that quietly reads the
    /// machine's clock instead of the TimeProvider gets caught.
    /// </summary>
    public static FakeTimeProvider RandomClock() =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(
            Random.Shared.NextInt64(
                new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
                new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds())));

    /// <summary>A call store as the host builds it, on the given clock.</summary>
    public static RedisCallStore Store(IConnectionMultiplexer redis, TimeProvider clock) =>
        new(redis, Options.Create(new CallOptions()), clock, NullLogger<RedisCallStore>.Instance);

    /// <summary>A call store on <paramref name="clock"/> (a random one by default) with one new call recorded in it.</summary>
    public static async Task<(RedisCallStore Calls, string CallSid)> WithIncomingCallAsync(IConnectionMultiplexer redis, TimeProvider? clock = null)
    {
        var calls = Store(redis, clock ?? RandomClock());
        var callSid = NewSid();
        await calls.RecordIncomingAsync(callSid, "+34600111222").WaitAsync(Timeout);
        return (calls, callSid);
    }
}
