using System.Net;
using System.Text;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Ivr;

[Collection(RedisCollection.Name)]
public sealed class PinBySmsTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task PressingTwoTextsTheCallerALinkThatFillsInTheirPin(RedisServerKind kind)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var host = HostFactory.Start(servers, kind, Settings(api));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid(), from: "+34611222333", to: "+34910000000");
        var pin = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];

        var twiml = await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "2")]);

        var message = api.Received.Should().ContainSingle().Subject;
        message.To.Should().Be("+34611222333");
        message.From.Should().Be("+34910000000");
        message.Body.Should().Contain($"https://shop.example/join?pin={pin}");
        message.AccountSid.Should().Be("AC" + new string('1', 32));
        api.Requests.Should().ContainSingle().Which.Authorization.Should().Be("Basic " + Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"AC{new string('1', 32)}:{PinCovisorHost.AuthToken}")));
        twiml.Spoken().Should().Contain(s => s.Contains("mensaje de texto", StringComparison.Ordinal));
        twiml.Verbs("Dial").Should().ContainSingle("after the text the caller still reaches an agent");
    }

    [Fact]
    public async Task ARateLimitedMessagesApiIsRetriedAndTheTextArrivesOnce()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        api.FailNext(1, HttpStatusCode.TooManyRequests);
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, Settings(api));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        await twilio.TwiMLAsync("/twilio/voice", call);

        await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "2")]);

        api.Attempts.Should().Be(2);
        api.Received.Should().ContainSingle();
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task AServerErrorIsNotRetriedSoTheCallerIsNeverTextedTwiceAndHearsItFailed(HttpStatusCode status)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        api.FailNext(1, status);
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, Settings(api));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        await twilio.TwiMLAsync("/twilio/voice", call);

        var twiml = await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "2")]);

        api.Attempts.Should().Be(1);
        twiml.Spoken().Should().Contain(s => s.Contains("no hemos podido", StringComparison.Ordinal));
        twiml.Verbs("Dial").Should().ContainSingle();
    }

    [Fact]
    public async Task ACallerCannotTriggerMoreTextsThanTheLimit()
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?>(Settings(api)) { ["Sms:MaxPerCall"] = "2" });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        await twilio.TwiMLAsync("/twilio/voice", call);

        for (var i = 0; i < 4; i++)
        {
            await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "2")]);
        }

        api.Received.Should().HaveCount(2);
    }

    private static Dictionary<string, string?> Settings(LoopbackTwilioApi api) => new()
    {
        ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
        ["Sms:JoinUrl"] = "https://shop.example/join",
    };
}
