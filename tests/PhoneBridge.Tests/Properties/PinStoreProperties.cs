using FsCheck;
using FsCheck.Fluent;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Properties;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Tests.Calls;
using PhoneBridge.Tests.Pins;

namespace PhoneBridge.Tests.Properties;

/// <summary>
/// Arbitrary sequences of issue, redeem, wait and end over three calls, against a real store, checked
/// against a model: one standing PIN per call, standing PINs distinct, each redeems once, nothing
/// else ever redeems, and no input throws.
/// </summary>
[Collection(TelephonyRedisCollection.Name)]
public sealed class PinStoreProperties(RedisServers servers)
{
    // Each run is tens of Redis round trips; this keeps the property to seconds.
    private const int Runs = 40;

    [Theory, MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnySequenceOfIssueRedeemWaitAndEndKeepsThePinRules(RedisServerKind kind)
    {
        var redis = await servers.ConnectAsync(kind);

        Prop.ForAll(PinOp.Sequences, ops => RunAsync(TestPins.Create(redis), ops))
            .Check(PropertyRuns.Config(Runs, $"PIN store on {kind}"));
    }

    private static async Task RunAsync(TestPins pins, PinOp[] ops)
    {
        var calls = Enumerable.Range(0, 3).Select(_ => TestCalls.NewSid()).ToArray();
        var model = new PinModel(calls);
        foreach (var op in ops)
        {
            long now = pins.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            switch (op)
            {
                case PinOp.Issue(var call):
                    var issued = await pins.Store.IssueAsync(calls[call]).WaitAsync(TestCalls.Timeout);
                    model.Issued(call, issued, now);
                    break;
                case PinOp.RedeemCallsPin(var call) when model.LastDigits(call) is { } digits:
                    model.Redeemed(digits, await pins.Store.RedeemAsync(digits).WaitAsync(TestCalls.Timeout), now);
                    break;
                case PinOp.RedeemText(var text):
                    model.Redeemed(text, await pins.Store.RedeemAsync(text).WaitAsync(TestCalls.Timeout), now);
                    (await pins.Store.FindCallByPinAsync(text).WaitAsync(TestCalls.Timeout))
                        .Should().Be(model.StandingCallOf(text, now), "a lookup finds only a standing PIN");
                    break;
                case PinOp.Wait(var time):
                    pins.Clock.Advance(time);
                    break;
                case PinOp.EndCall(var call):
                    await pins.Store.RevokeAsync(calls[call]).WaitAsync(TestCalls.Timeout);
                    model.Ended(call);
                    break;
            }

            await model.CheckAsync(pins.Store, pins.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }
}
