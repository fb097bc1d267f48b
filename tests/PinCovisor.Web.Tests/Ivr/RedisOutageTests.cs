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

    private static PinCovisorHost HostWithRedisDown() => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = $"127.0.0.1:{LoopbackPorts.Unused()},connectTimeout=500",
        ["Ivr:StateTimeout"] = "00:00:01",
    });

}
