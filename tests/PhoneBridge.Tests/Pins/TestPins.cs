using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Pins;
using PhoneBridge.Redis;
using PhoneBridge.Tests.Calls;
using StackExchange.Redis;

namespace PhoneBridge.Tests.Pins;

/// <summary>
/// A PIN store with its own secret, random clock, log and PIN index (its own hash tag), so tests
/// sharing a Redis server never share PIN capacity or collide with each other's PINs.
/// </summary>
internal sealed class TestPins
{
    private TestPins(IConnectionMultiplexer redis, PinOptions options)
    {
        Redis = redis;
        Options = options;
        Tag = "pins:" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        Store = new RedisPinStore(redis, Microsoft.Extensions.Options.Options.Create(options), Clock, Log, Tag);
    }

    public IConnectionMultiplexer Redis { get; }

    public PinOptions Options { get; }

    public string Tag { get; }

    public FakeTimeProvider Clock { get; } = TestCalls.RandomClock();

    public RecordingLogger Log { get; } = new();

    public RedisPinStore Store { get; }

    public static TestPins Create(IConnectionMultiplexer redis, Action<PinOptions>? configure = null)
    {
        var options = new PinOptions { SecretKey = NewSecretKey() };
        configure?.Invoke(options);
        return new TestPins(redis, options);
    }

    public static string NewSecretKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Issues a PIN for a call never seen before.</summary>
    public async Task<(string CallSid, IssuedPin Pin)> IssueForNewCallAsync()
    {
        var callSid = TestCalls.NewSid();
        var pin = await Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout);
        return (callSid, pin ?? throw new InvalidOperationException("No PIN was issued."));
    }

    /// <summary>How many PINs of this length hold a place in this store's index (expired ones included until pruned).</summary>
    public async Task<long> PlacesHeldAsync(int length) =>
        await Redis.GetDatabase().SortedSetLengthAsync(RedisKeys.LivePins(length, Tag)).WaitAsync(TestCalls.Timeout);
}
