using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Ivr;

/// <summary>A phone's voicemail answers like a person; only a key pressed makes the leg the call's agent.</summary>
[Collection(RedisCollection.Name)]
public sealed class VoicemailTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AVoicemailThatPicksUpBindsNobodyTheAgentsRingAgainAndTheKeyPressedNextBinds(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind,
            ShopSettings.With(new Dictionary<string, string?> { [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value }));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        var joined = await new SessionsApi(host.CreateLoopbackClient()).JoinedAsync(call.Pin);
        await using var customer = await HubClient.ConnectAsync(host.BaseAddress, joined.Token);
        await customer.JoinAsync(joined.SessionId);
        var calls = host.Services.GetRequiredService<RedisCallStore>();

        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(call.CallSid));
        var voicemailLeg = TwilioCaller.NewCallSid();
        var voicemail = await twilio.AnswerAsync(route, call.CallSid, "+34600000002", key: null, legSid: voicemailLeg);

        var ask = voicemail.Verbs("Gather").Should().ContainSingle().Subject;
        ask.Attribute("numDigits")!.Value.Should().Be("1");
        ask.Attribute("timeout")!.Value.Should().Be("6");
        ask.Attribute("action")!.Value.Should().EndWith("/twilio/voice/whisper/accept");
        voicemail.Root!.Elements().Last().Name.LocalName.Should().Be("Hangup", "no key: the leg is hung up");
        voicemail.PinsRead().Should().BeEmpty("a voicemail must not record the customer's PIN");
        (await calls.GetAsync(call.CallSid).WaitAsync(Timeout))!.AnsweringAgent.Should().BeNull();

        var again = await twilio.TwiMLAsync("/twilio/voice/dial-result?attempt=1",
            [.. TwilioCaller.InboundCall(call.CallSid), new("DialCallStatus", "completed"), new("DialCallSid", voicemailLeg), new("DialCallDuration", "7")]);

        again.Verbs("Dial").Should().ContainSingle().Which.Attribute("action")!.Value.Should().EndWith("/twilio/voice/dial-result?attempt=2");
        again.Verbs("Hangup").Should().BeEmpty("the caller is still waiting for someone");
        host.Logs.Lines.Should().Contain(l => l.Contains("1419", StringComparison.Ordinal) && l.Contains(call.CallSid, StringComparison.Ordinal));

        var whisper = await twilio.AnswerAsync(again, call.CallSid, "+34600000001");

        whisper.PinsRead().Should().Equal(call.Pin);
        var bound = await calls.GetAsync(call.CallSid).WaitAsync(Timeout);
        bound!.AnsweringAgent.Should().Be("ana");
        bound.Status.Should().Be(CallStatus.InProgress);
        var arrivals = await customer.Events.WaitAsync(() => customer.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.AgentChanged));
        arrivals.Where(e => e.Kind == EventKinds.AgentChanged).Should().ContainSingle("the voicemail never became the customer's agent")
            .Which.DataAs<CustomerAgentChanged>().DisplayName.Should().Be("Ana");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task OnTheLastRoundAnUnacceptedPickupEndsWithTheApologyAndAnAnsweredCallIsNotRungAgain(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        List<KeyValuePair<string, string>> ended = [.. TwilioCaller.InboundCall(call.CallSid), new("DialCallStatus", "completed")];

        var last = await twilio.TwiMLAsync("/twilio/voice/dial-result?attempt=2", ended);
        await Caller.AnswerAsync(twilio, call.CallSid, "+34600000002");
        var talked = await twilio.TwiMLAsync("/twilio/voice/dial-result?attempt=1", ended);

        last.Verbs("Dial").Should().BeEmpty();
        last.Spoken().Should().ContainSingle().Which.Should().Contain("no hay ningún agente disponible");
        last.Verbs("Hangup").Should().ContainSingle();
        talked.Root!.Elements().Select(e => e.Name.LocalName).Should().Equal(["Hangup"], "Bruno took the call and talked: it is over");
    }

    [Fact]
    public async Task AnEmptyKeyBindsNobodyAndHangsTheLegUp()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);

        var hungUp = await twilio.TwiMLAsync("/twilio/voice/whisper/accept", [.. AgentLeg.Fields(call.CallSid, "+34600000001"), new("Digits", "")]);

        hungUp.Root!.Elements().Select(e => e.Name.LocalName).Should().Equal(["Hangup"]);
        (await host.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout))!.AnsweringAgent.Should().BeNull();
    }

    [Theory]
    [InlineData(null, "/twilio/voice/whisper/ask", "/twilio/voice/whisper")]
    [InlineData("PhoneNumbers", "/twilio/voice/whisper/ask", "/twilio/voice/whisper")]
    [InlineData("Everyone", "/twilio/voice/whisper/ask", "/twilio/voice/whisper/ask")]
    [InlineData("Nobody", "/twilio/voice/whisper", "/twilio/voice/whisper")]
    public async Task AcceptByKeyChoosesWhichNounsAskForAKey(string? setting, string numberUrl, string clientUrl)
    {
        var settings = new Dictionary<string, string?> { ["Ivr:AcceptTimeoutSeconds"] = "9" };
        if (setting is not null)
        {
            settings["Ivr:AcceptByKey"] = setting;
        }

        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, settings);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var callSid = TwilioCaller.NewCallSid();

        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(callSid));

        route.Verbs("Number").Should().NotBeEmpty().And.OnlyContain(n => new Uri(n.Attribute("url")!.Value).AbsolutePath == numberUrl);
        route.Verbs("Client").Should().NotBeEmpty().And.OnlyContain(n => new Uri(n.Attribute("url")!.Value).AbsolutePath == clientUrl);
        var ask = await twilio.TwiMLAsync("/twilio/voice/whisper/ask", AgentLeg.Fields(callSid, "+34600000001"));
        ask.Verbs("Gather").Single().Attribute("timeout")!.Value.Should().Be("9");
    }
}
