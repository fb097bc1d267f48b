using PhoneBridge.Testing.Web;

namespace PhoneBridge.Testing.Sessions;

/// <summary>A phone call placed through the real IVR, as Twilio would play it.</summary>
/// <param name="CallSid">The caller's call leg.</param>
/// <param name="Pin">The PIN the IVR spoke.</param>
public sealed record PlacedCall(string CallSid, string Pin);

/// <summary>Plays a caller and the answering agent against the host's signed Twilio webhooks.</summary>
public static class Caller
{
    /// <summary>Places a call and returns the PIN the IVR read out.</summary>
    public static async Task<PlacedCall> CallAsync(TwilioCaller twilio)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        var callSid = TwilioCaller.NewCallSid();
        var twiml = await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid));
        return new PlacedCall(callSid, twiml.PinsRead()[0]);
    }

    /// <summary>
    /// The agent at <paramref name="agentNumber"/> picks up and presses a key: Twilio fetches the
    /// noun's url on their leg, then posts the key, which binds them.
    /// </summary>
    public static async Task AnswerAsync(TwilioCaller twilio, string callSid, string agentNumber = "+34600000001")
    {
        ArgumentNullException.ThrowIfNull(twilio);
        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(callSid));
        await twilio.AnswerAsync(route, callSid, agentNumber);
    }

    /// <summary>Twilio's status callback for the call (e.g. <c>completed</c>); asserts nothing about the answer.</summary>
    public static async Task StatusAsync(TwilioCaller twilio, string callSid, string status)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        using var response = await twilio.PostAsync("/twilio/status",
        [
            new("AccountSid", "AC" + new string('1', 32)),
            new("CallSid", callSid),
            new("CallStatus", status),
            new("From", "+34600111222"),
            new("To", "+34910000000"),
        ]);
        response.EnsureSuccessStatusCode();
    }
}
