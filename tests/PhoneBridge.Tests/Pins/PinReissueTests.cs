using PhoneBridge.Pins;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Calls;

namespace PhoneBridge.Tests.Pins;

[Collection(TelephonyRedisCollection.Name)]
public sealed class PinReissueTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AReissuedPinReplacesAUsedOneAndFreesItsPlace(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, first) = await pins.IssueForNewCallAsync();
        await pins.Store.RedeemAsync(first.Digits).WaitAsync(TestCalls.Timeout);

        var fresh = await pins.Store.ReissueAsync(callSid).WaitAsync(TestCalls.Timeout);

        fresh.Should().NotBeNull();
        fresh!.State.Should().Be(PinState.Live);
        fresh.Digits.Should().NotBe(first.Digits);
        fresh.ExpiresAt.Should().Be(pins.Clock.GetUtcNow() + pins.Options.Lifetime);
        (await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().Be(fresh);
        (await pins.Store.IssueAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().Be(fresh, "a Twilio retry of the call hears the new digits");
        (await pins.PlacesHeldAsync(fresh.Digits.Length)).Should().Be(1, "the old PIN's place went back to the index");
        (await pins.Store.FindCallByPinAsync(first.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await pins.Store.RedeemAsync(fresh.Digits).WaitAsync(TestCalls.Timeout)).Should().Be(callSid);
        (await pins.Store.RedeemAsync(fresh.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull("a reissued PIN is single use too");
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ALivePinThatIsReplacedStopsWorking(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, first) = await pins.IssueForNewCallAsync();

        var fresh = await pins.Store.ReissueAsync(callSid).WaitAsync(TestCalls.Timeout);

        (await pins.Store.RedeemAsync(first.Digits).WaitAsync(TestCalls.Timeout)).Should().BeNull();
        (await pins.Store.RedeemAsync(fresh!.Digits).WaitAsync(TestCalls.Timeout)).Should().Be(callSid);
    }

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallThatEndedGetsNoNewPinAndKeepsNoPlace(RedisServerKind kind)
    {
        var pins = TestPins.Create(await servers.ConnectAsync(kind));
        var (callSid, first) = await pins.IssueForNewCallAsync();
        await pins.Store.RevokeAsync(callSid).WaitAsync(TestCalls.Timeout);

        var fresh = await pins.Store.ReissueAsync(callSid).WaitAsync(TestCalls.Timeout);

        fresh.Should().BeNull();
        (await pins.PlacesHeldAsync(first.Digits.Length)).Should().Be(0, "the place reserved for the refused PIN was given back");
        (await pins.Store.FindByCallAsync(callSid).WaitAsync(TestCalls.Timeout)).Should().BeNull();
    }
}
