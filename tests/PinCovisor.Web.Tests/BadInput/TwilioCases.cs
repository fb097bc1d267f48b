using System.Net;
using System.Text;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>
/// Correctly signed webhooks with fields Twilio never sends: unknown, huge, repeated, undecodable,
/// absurd Digits. The caller must still hear TwiML that takes them on; unsigned or oversized
/// bodies get Twilio's bare 403.
/// </summary>
internal static class TwilioCases
{
    public static IEnumerable<BadInputCase> All()
    {
        yield return Voice("/twilio/voice", "two hundred unknown fields",
            Enumerable.Range(0, 200).Select(i => Field("Unknown" + i, new string('u', 100))));
        yield return Voice("/twilio/voice", "a 200 KB unknown field", [Field("Extra", new string('x', 200_000))]);
        yield return Voice("/twilio/voice", "a second, different CallSid", [Field("CallSid", TwilioCaller.NewCallSid())]);
        yield return Voice("/twilio/voice", "a 10 KB From", [Field("From", new string('9', 10_240))]);
        yield return TwiML("/twilio/voice", "no CallSid at all", [Field("From", "+34600111222"), Field("To", "+34910000000")]);
        yield return TwiML("/twilio/voice", "a 10 KB CallSid", TwilioCaller.InboundCall("CA" + new string('f', 10_240)));
        yield return Menu("Digits of 10 KB", new string('1', 10_240));
        yield return Menu("Digits of Arabic-Indic one", "١");
        yield return Menu("Digits of a NUL and a line break", "\0\n");
        yield return Menu("Digits of a lone surrogate", "\uD800");
        yield return Voice("/twilio/voice/menu", "Digits sent twice with different keys", [Field("Digits", "1"), Field("Digits", "2")]);
        yield return Voice("/twilio/voice/menu?repeats=99999999999999999999", "a repeat count past any integer", [Field("Digits", "1")]);
        yield return Voice("/twilio/voice/order?try=1", "order Digits of 10 KB", [Field("Digits", new string('1', 10_240))]);
        yield return Voice("/twilio/voice/order?try=1", "order Digits in Arabic-Indic digits", [Field("Digits", "١٠٤٢٠٠")]);
        yield return Voice("/twilio/voice/order?try=1", "order Digits sent twice", [Field("Digits", "104200"), Field("Digits", "104201")]);
        yield return Voice("/twilio/voice/order?try=99999999999999999999", "a try past any integer", [Field("Digits", "12")]);
        yield return Voice("/twilio/voice/route?attempt=-1", "a negative attempt", []);
        yield return Voice("/twilio/voice/dial-result?attempt=1", "a 10 KB DialCallStatus", [Field("DialCallStatus", new string('z', 10_240))]);
        yield return TwiML("/twilio/voice/whisper", "a ParentCallSid nobody knows",
            [Field("CallSid", TwilioCaller.NewCallSid()), Field("ParentCallSid", "CA" + new string('0', 32)), Field("To", "+34600000001")]);
        yield return new BadInputCase("twilio: /twilio/voice with invalid UTF-8 in From", HttpStatusCode.OK, Answer.TwiML, host =>
        {
            var callSid = TwilioCaller.NewCallSid();
            using var body = new StringContent($"CallSid={callSid}&From=%FF%FE%C3%28", Encoding.ASCII, "application/x-www-form-urlencoded");
            // The server decodes each broken sequence to U+FFFD, and checks the signature against that.
            return host.Twilio.PostContentAsync("/twilio/voice", body, [Field("CallSid", callSid), Field("From", "\uFFFD\uFFFD\uFFFD(")]);
        });
        yield return new BadInputCase("twilio: /twilio/voice with a form over 1 MiB", HttpStatusCode.Forbidden, Answer.Bare, host =>
            host.Twilio.PostAsync("/twilio/voice", [.. TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), Field("Extra", new string('x', 1_100_000))]));
        yield return new BadInputCase("twilio: /twilio/voice with the form sent as text/plain", HttpStatusCode.Forbidden, Answer.Bare, host =>
        {
            using var body = new StringContent("CallSid=CA1&From=%2B34600111222", Encoding.UTF8, "text/plain");
            return host.Twilio.PostContentAsync("/twilio/voice", body, [Field("CallSid", "CA1"), Field("From", "+34600111222")]);
        });
        yield return new BadInputCase("twilio: /twilio/voice with a 10 KB garbage signature", HttpStatusCode.Forbidden, Answer.Bare, host =>
            host.Twilio.PostAsync("/twilio/voice", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), signature: string.Concat(Enumerable.Repeat("\\x?=/+ ", 2_048))));
        yield return new BadInputCase("twilio: /twilio/status with a status Twilio has not got", HttpStatusCode.NoContent, Answer.Bare, host =>
            host.Twilio.PostAsync("/twilio/status", [Field("CallSid", TwilioCaller.NewCallSid()), Field("CallStatus", new string('?', 5_000))]));
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static BadInputCase Menu(string name, string digits) =>
        Voice("/twilio/voice/menu", name, [Field("Digits", digits)]);

    // A real inbound call's fields plus the odd ones.
    private static BadInputCase Voice(string path, string name, IEnumerable<KeyValuePair<string, string>> extra) =>
        new($"twilio: {path} with {name}", HttpStatusCode.OK, Answer.TwiML, host =>
            host.Twilio.PostAsync(path, [.. TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), .. extra]));

    private static BadInputCase TwiML(string path, string name, IEnumerable<KeyValuePair<string, string>> form) =>
        new($"twilio: {path} with {name}", HttpStatusCode.OK, Answer.TwiML, host => host.Twilio.PostAsync(path, form));
}
