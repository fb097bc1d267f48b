using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Calls;

namespace PhoneBridge.Tests.Pins;

[Collection(TelephonyRedisCollection.Name)]
public sealed class PinLookupTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task FindingTheCallByItsPinLeavesThePinRedeemable(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        var found = await pins.Store.FindCallByPinAsync(pin.Digits).WaitAsync(TestCalls.Timeout);
        var foundAgain = await pins.Store.FindCallByPinAsync(pin.Digits).WaitAsync(TestCalls.Timeout);

        found.Should().Be(callSid);
        foundAgain.Should().Be(callSid);
        (await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().Be(pin);
        (await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().Be(callSid);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARedeemedPinStillFindsItsCall(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();
        await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout);

        (await pins.Store.FindCallByPinAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().Be(callSid);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ExpiredRevokedWrongAndMalformedPinsFindNoCall(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (_, expiring) = await pins.IssueForNewCallAsync();
        var (revokedCall, revoked) = await pins.IssueForNewCallAsync();
        var (_, live) = await pins.IssueForNewCallAsync();
        var wrong = ((int.Parse(live.Digits, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000)
            .ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        await pins.Store.RevokeAsync(revokedCall).WaitAsync(TestCalls.Timeout);
        pins.Clock.Advance(pins.Options.Lifetime);

        foreach (var attempt in new[] { expiring.Digits, revoked.Digits, wrong, "", "12a456", " " + live.Digits })
        {
            (await pins.Store.FindCallByPinAsync(attempt).WaitAsync(TestCalls.Timeout)).Should().BeNull($"'{attempt}' has no standing call");
        }
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARevokedPinFindsNothingEvenWhileItsIndexPlaceIsStillHeld(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();
        var record = pins.Redis.GetDatabase();

        // Revoke the call's side only, as a revoke interrupted before releasing the index would leave it.
        await record.HashSetAsync(PhoneBridge.Redis.RedisKeys.CallPin(callSid), "state", "revoked").WaitAsync(TestCalls.Timeout);

        (await pins.PlacesHeldAsync(pin.Digits.Length)).Should().Be(1);
        (await pins.Store.FindCallByPinAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }
}
