using PhoneBridge.Redis;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Calls;

namespace PhoneBridge.Tests.Pins;

[Collection(TelephonyRedisCollection.Name)]
public sealed class PinExpiryTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task APinStillWorksAMillisecondBeforeItsLifetimeEnds(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        pins.Clock.Advance(pins.Options.Lifetime - TimeSpan.FromMilliseconds(1));

        (await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().Be(pin);
        (await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().Be(callSid);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnExpiredPinIsNeitherFoundNorRedeemable(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        pins.Clock.Advance(pins.Options.Lifetime);

        (await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task IssuingAfterExpiryGivesANewPinFromANewNonce(RedisServerKind kind)
    {
        // Eight digits, so the new PIN equals the old one by chance only once in 10^8 runs.
        var redis = await servers.ConnectAsync(kind);
        var pins = TestPins.Create(redis, o => o.Length = 8);
        var callSid = TestCalls.NewSid();
        var first = await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout);
        var firstNonce = await redis.GetDatabase().HashGetAsync(RedisKeys.CallPin(callSid), "nonce").WaitAsync(TestCalls.Timeout);

        pins.Clock.Advance(pins.Options.Lifetime);
        var second = await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout);
        var secondNonce = await redis.GetDatabase().HashGetAsync(RedisKeys.CallPin(callSid), "nonce").WaitAsync(TestCalls.Timeout);

        second!.Digits.Should().NotBe(first!.Digits);
        second.ExpiresAt.Should().Be(pins.Clock.GetUtcNow() + pins.Options.Lifetime);
        secondNonce.Should().NotBe(firstNonce);
        (await pins.Store.RedeemAsync(first.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await pins.Store.RedeemAsync(second.Digits).WaitAsync(TestCalls.Timeout)).Should().Be(callSid);
    }
}
