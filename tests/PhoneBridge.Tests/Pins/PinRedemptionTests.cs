using PhoneBridge.Pins;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Calls;

namespace PhoneBridge.Tests.Pins;

[Collection(TelephonyRedisCollection.Name)]
public sealed class PinRedemptionTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task APinRedeemsOnceAndNeverAgain(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        var first = await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout);
        var second = await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout);

        first.Should().Be(callSid);
        second.Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARedeemedPinIsStillRepeatedToItsCallerAndKeepsItsPlace(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout);

        var expected = pin with { State = PinState.Redeemed };
        (await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().Be(expected);
        (await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().Be(expected);
        (await pins.PlacesHeldAsync(pin.Digits.Length)).Should().Be(1, "the caller may still hear these digits, so no other call may get them");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TwentyConcurrentRedeemsOfOnePinYieldTheCallSidExactlyOnce(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => pins.Store.RedeemAsync(pin.Digits)))
            .WaitAsync(TestCalls.Timeout);

        results.Where(r => r is not null).Should().Equal(callSid);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WrongOrMalformedPinsRedeemNothing(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (_, pin) = await pins.IssueForNewCallAsync();
        var wrong = ((int.Parse(pin.Digits, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var attempt in new[] { wrong, "", "123", "12345678901", "12a456", " " + pin.Digits, "١٢٣٤٥٦" })
        {
            (await pins.Store.RedeemAsync(attempt).WaitAsync(TestCalls.Timeout)).Should().BeNull($"'{attempt}' is not the PIN");
        }

        (await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().NotBeNull("wrong guesses do not burn the real PIN");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ARevokedPinRedeemsNothingAndGivesBackItsPlace(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        await pins.Store.RevokeAsync(callSid).WaitAsync(TestCalls.Timeout);

        (await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await pins.PlacesHeldAsync(pin.Digits.Length)).Should().Be(0);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task IssuingForARevokedCallGivesNothingEvenAfterThePinWouldHaveExpired(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();
        await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout);

        await pins.Store.RevokeAsync(callSid).WaitAsync(TestCalls.Timeout);
        await pins.Store.RevokeAsync(callSid).WaitAsync(TestCalls.Timeout);
        pins.Clock.Advance(pins.Options.Lifetime * 2);

        (await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RevokingACallThatNeverHadAPinStopsItGettingOne(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();

        await pins.Store.RevokeAsync(callSid).WaitAsync(TestCalls.Timeout);

        (await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RevokingWhileIssuesRaceLeavesNoRedeemablePin(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var callSid = TestCalls.NewSid();

        var issues = Enumerable.Range(0, 10).Select(_ => pins.Store.IssueAsync(callSid)).ToList();
        var revoke = pins.Store.RevokeAsync(callSid);
        var issued = await Task.WhenAll(issues).WaitAsync(TestCalls.Timeout);
        await revoke.WaitAsync(TestCalls.Timeout);

        foreach (var pin in issued.OfType<IssuedPin>().Distinct())
        {
            (await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        }

        (await pins.PlacesHeldAsync(pins.Options.Length)).Should().Be(0);
    }
}
