using System.Net;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Ivr;

public sealed class RedisOutageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhenRedisIsUnreachableTheCallerHearsAnApologyAndIsStillRouted()
    {
        await using var host = HostWithRedisDown();
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());

        var twiml = await twilio.TwiMLAsync("/twilio/voice", call);

        twiml.PinsRead().Should().BeEmpty();
        twiml.Spoken().Should().Contain(s => s.StartsWith("Disculpe", StringComparison.Ordinal));
        twiml.Verbs("Dial").Should().ContainSingle();
        twiml.Verbs("Number").Should().NotBeEmpty();
    }

    [Fact]
    public async Task WhenRedisIsUnreachableTheWhisperStillConnectsTheAgent()
    {
        await using var host = HostWithRedisDown();
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        var whisper = await twilio.TwiMLAsync("/twilio/voice/whisper",
            [new("CallSid", TwilioCaller.NewCallSid()), new("ParentCallSid", TwilioCaller.NewCallSid()), new("To", "+34600000001")]);

        whisper.Verbs("Hangup").Should().BeEmpty();
        whisper.Spoken().Should().ContainSingle();
    }

    [Fact]
    public async Task WhenRedisIsUnreachableTheStatusCallbackAsksTwilioToRetry()
    {
        await using var host = HostWithRedisDown();
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        using var response = await twilio.PostAsync("/twilio/status",
            [new("CallSid", TwilioCaller.NewCallSid()), new("CallStatus", "completed")]);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task WhenRedisIsUnreachableTheAgentLineJudgesNoCodeButASoftphoneStillReachesTheQueue()
    {
        await using var host = HostWithRedisDown(("Agents:0:Code", "48201937"));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        // Without Redis a try cannot be counted, so even the right code is not judged.
        var byPhone = await twilio.TwiMLAsync("/twilio/voice/agent/code?try=1",
            [new("CallSid", TwilioCaller.NewCallSid()), new("From", "+34600000001"), new("Digits", "48201937")]);
        var bySoftphone = await twilio.TwiMLAsync("/twilio/voice/agent", [new("CallSid", TwilioCaller.NewCallSid()), new("From", "client:ana")]);

        byPhone.Verbs("Queue").Should().BeEmpty();
        byPhone.Spoken().Should().ContainSingle().Which.Should().StartWith("Disculpe, ahora mismo no podemos comprobar códigos de agente.");
        byPhone.Verbs("Hangup").Should().ContainSingle();
        bySoftphone.Verbs("Queue").Should().ContainSingle();
    }

    [Fact]
    public async Task ReadinessFailsAndLivenessHoldsWhileRedisIsDown()
    {
        await using var host = HostWithRedisDown();
        using var http = host.CreateLoopbackClient();

        using var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(Timeout);
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative)).WaitAsync(Timeout);

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static PinCovisorHost HostWithRedisDown(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{LoopbackPorts.Unused()},connectTimeout=500",
            ["Ivr:StateTimeout"] = "00:00:01",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return new PinCovisorHost(settings);
    }

}
