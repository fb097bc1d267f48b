using FsCheck;
using FsCheck.Fluent;

namespace PhoneBridge.Tests.Properties;

/// <summary>One step of a PIN store's life over a few calls.</summary>
public abstract record PinOp
{
    /// <summary>Twilio asks for the call's PIN (a new call, a retry, an IVR loop).</summary>
    public sealed record Issue(int Call) : PinOp;

    /// <summary>Someone types the digits the call was last given, whatever became of them since.</summary>
    public sealed record RedeemCallsPin(int Call) : PinOp;

    /// <summary>Someone types anything at all.</summary>
    public sealed record RedeemText(string Text) : PinOp;

    /// <summary>Time passes, perhaps past the PINs' lifetime.</summary>
    public sealed record Wait(TimeSpan Time) : PinOp;

    /// <summary>The call ends.</summary>
    public sealed record EndCall(int Call) : PinOp;

    /// <summary>Three calls, up to 40 steps, waits of up to one and a half PIN lifetimes (10 minutes).</summary>
    public static Arbitrary<PinOp[]> Sequences { get; } = Gen.Frequency(
            (5, Gen.Choose(0, 2).Select(c => (PinOp)new Issue(c))),
            (4, Gen.Choose(0, 2).Select(c => (PinOp)new RedeemCallsPin(c))),
            (2, Gen.OneOf(Properties.SignatureGen.Text, Gen.Choose(0, 999_999).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
                .Select(t => (PinOp)new RedeemText(t))),
            (2, Gen.Choose(1, 900_000).Select(ms => (PinOp)new Wait(TimeSpan.FromMilliseconds(ms)))),
            (1, Gen.Choose(0, 2).Select(c => (PinOp)new EndCall(c))))
        .ListOf()
        .Select(ops => ops.Take(40).ToArray())
        .ToArbitrary();
}
