using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Calls;

namespace PhoneBridge.Tests.Pins;

[Collection(TelephonyRedisCollection.Name)]
public sealed class PinSecrecyTests(RedisServers servers)
{
    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RedisHoldsNoKeyPartOrValueEqualToTheDigits(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);
        var pins = TestPins.Create(redis);
        var (callSid, pin) = await pins.IssueForNewCallAsync();

        await AssertNothingEqualsAsync(pin.Digits);
        await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout);
        await AssertNothingEqualsAsync(pin.Digits);

        async Task AssertNothingEqualsAsync(string digits)
        {
            var written = (await RedisContents.ReadAsync(redis, $"pb:{{call:{callSid}}}*"))
                .Concat(await RedisContents.ReadAsync(redis, $"pb:{{{pins.Tag}}}*"))
                .ToList();

            written.Should().HaveCountGreaterThanOrEqualTo(3, "the call's record, the index entry and the live set were written");

            // Exact comparisons: six digits can turn up inside a hex hash by chance, which reveals nothing.
            written.SelectMany(k => k.Key.Split(':', '{', '}')).Should().NotContain(digits);
            written.SelectMany(k => k.Value).Should().NotContain(digits);
        }
    }

    [Fact]
    public void APinPrintsWithoutItsDigits()
    {
        var pin = new PhoneBridge.Pins.IssuedPin("CA1", "493817", DateTimeOffset.UnixEpoch, PhoneBridge.Pins.PinState.Live);

        pin.ToString().Should().NotContain("493817").And.Contain("Length = 6");
    }

    [Fact]
    public async Task LogsNameTheCallAndLengthButNeverTheDigits()
    {
        var redis = await servers.ConnectAsync(RedisServerKind.Garnet);
        var pins = TestPins.Create(redis);
        var (callSid, pin) = await pins.IssueForNewCallAsync();
        await pins.Store.RedeemAsync(pin.Digits).WaitAsync(TestCalls.Timeout);
        await pins.Store.RedeemAsync("000000").WaitAsync(TestCalls.Timeout);
        await pins.Store.RevokeAsync(callSid).WaitAsync(TestCalls.Timeout);

        pins.Log.Events.Should().Contain(e => e.EventId == 1200 && e.Message.Contains(callSid, StringComparison.Ordinal));
        pins.Log.Events.Select(e => e.Message).Should().NotContain(m => m.Contains(pin.Digits, StringComparison.Ordinal));
    }
}
