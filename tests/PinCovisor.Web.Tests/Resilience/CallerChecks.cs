using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Resilience;

/// <summary>What a new caller hears, with Redis away or back.</summary>
internal static class CallerChecks
{
    /// <summary>A new call hears the apology instead of a PIN and is still put through to the agents.</summary>
    public static async Task ShouldBeApologisedToAndRoutedAsync(TwilioCaller twilio)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        var twiml = await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        twiml.PinsRead().Should().BeEmpty();
        twiml.Spoken().Should().Contain(s => s.StartsWith("Disculpe", StringComparison.Ordinal));
        twiml.Verbs("Dial").Should().ContainSingle();
        twiml.Verbs("Number").Should().NotBeEmpty();
    }

    /// <summary>A new call hears a PIN (read twice); returns it.</summary>
    public static async Task<string> ShouldHearAPinAsync(TwilioCaller twilio, string? callSid = null)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        var twiml = await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid ?? TwilioCaller.NewCallSid()));

        var pins = twiml.PinsRead();
        pins.Should().HaveCount(2).And.OnlyContain(p => p == pins[0]);
        return pins[0];
    }
}
