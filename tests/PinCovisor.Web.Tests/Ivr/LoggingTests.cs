using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Ivr;

[Collection(RedisCollection.Name)]
public sealed class LoggingTests(RedisServers servers)
{
    [Fact]
    public async Task NoLogLineHoldsThePinOrTheCallersFullNumberButLinesCarryTheCallSid()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
            ["Sms:JoinUrl"] = "https://shop.example/join",
        });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var callSid = TwilioCaller.NewCallSid();
        var call = TwilioCaller.InboundCall(callSid, from: "+34699887766");
        var pin = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];
        await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "1")]);
        await twilio.TwiMLAsync("/twilio/voice/menu?repeats=1", [.. call, new("Digits", "2")]);
        await twilio.TwiMLAsync("/twilio/voice/whisper",
            [new("CallSid", TwilioCaller.NewCallSid()), new("ParentCallSid", callSid), new("To", "+34600000001")]);
        await twilio.PostAsync("/twilio/status", [new("CallSid", callSid), new("CallStatus", "completed")]);

        // CallSids are hex and may hold six digits by chance: judge the rest of each line.
        var lines = host.Logs.Lines.Select(l => l.Replace(callSid, "<call>", StringComparison.Ordinal)).ToList();
        lines.Should().Contain(l => l.Contains("CallSid=<call>", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains(pin, StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains("699887766", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains(PinCovisorHost.AuthToken, StringComparison.Ordinal));
    }
}
