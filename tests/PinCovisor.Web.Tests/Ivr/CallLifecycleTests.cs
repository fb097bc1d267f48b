using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Ivr;

[Collection(RedisCollection.Name)]
public sealed class CallLifecycleTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task SignedStatusCallbackEndingTheCallIsAcceptedAndKillsThePin(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var callSid = TwilioCaller.NewCallSid();
        var pin = (await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid))).PinsRead()[0];

        using var response = await twilio.PostAsync("/twilio/status", Status(callSid, "completed"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync().WaitAsync(Timeout)).Should().BeEmpty();
        var pins = host.Services.GetRequiredService<IPinStore>();
        (await pins.RedeemAsync(pin).WaitAsync(Timeout)).Should().BeNull("the PIN dies with the call");
        var call = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout);
        call!.Status.Should().Be(CallStatus.Completed);
        call.EndedAt.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ForgedStatusCallbackIsRefusedAndThePinStaysLive(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var forger = new TwilioCaller(host.CreateLoopbackClient(), authToken: "guessed-token");
        var callSid = TwilioCaller.NewCallSid();
        var pin = (await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid))).PinsRead()[0];

        using var response = await forger.PostAsync("/twilio/status", Status(callSid, "completed"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Services.GetRequiredService<IPinStore>().RedeemAsync(pin).WaitAsync(Timeout)).Should().Be(callSid);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task PressingOneRepeatsTheSamePinAndAnyOtherKeyRoutesTheCall(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());
        var pin = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];

        var repeat = await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "1")]);
        var other = await twilio.TwiMLAsync("/twilio/voice/menu?repeats=1", [.. call, new("Digits", "9")]);

        repeat.PinsRead().Should().Equal(pin);
        repeat.Verbs("Gather").Single().Attribute("action")!.Value.Should().EndWith("/twilio/voice/menu?repeats=1");
        other.PinsRead().Should().BeEmpty();
        other.Verbs("Dial").Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WhisperTellsTheAnsweringAgentThePinAndBindsThemToTheCall(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var callSid = TwilioCaller.NewCallSid();
        var first = await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid));
        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(callSid));
        var whisper = await twilio.AnswerAsync(route, callSid, "+34600000002");

        whisper.PinsRead().Should().Equal(first.PinsRead()[0]);
        var call = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout);
        call!.AnsweringAgent.Should().Be("bruno");
        call.Status.Should().Be(CallStatus.InProgress, "an agent on the line means the call is answered");
        route.Verbs("Number").Select(n => n.Value).Should().Equal("+34600000001", "+34600000002");
        route.Verbs("Client").Select(n => n.Value).Should().Equal("ana");
        route.Verbs("Dial").Single().Attribute("answerOnBridge")!.Value.Should().Be("true");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task QueuedCallerIsBoundToTheAgentWhoDequeuesThem(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, new Dictionary<string, string?> { ["Ivr:Routing"] = "Enqueue" });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var callSid = TwilioCaller.NewCallSid();
        await twilio.TwiMLAsync("/twilio/voice", TwilioCaller.InboundCall(callSid));
        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(callSid));
        var agentLeg = TwilioCaller.NewCallSid();

        var agentSide = await twilio.TwiMLAsync("/twilio/voice/agent", [new("CallSid", agentLeg), new("From", "client:ana")]);
        var callerSide = await twilio.TwiMLAsync("/twilio/voice/dequeued",
            [new("CallSid", callSid), new("DequeingCallSid", agentLeg), new("QueueSid", "QU" + new string('2', 32))]);

        route.Verbs("Enqueue").Single().Value.Should().Be("support");
        agentSide.Verbs("Queue").Single().Value.Should().Be("support");
        callerSide.Spoken().Should().ContainSingle().Which.Should().EndWith("Ana.");
        var call = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout);
        call!.AnsweringAgent.Should().Be("ana");
    }

    [Theory]
    [InlineData("Goodbye", 1, false)]
    [InlineData("Retry", 1, true)]
    [InlineData("Retry", 2, false)]
    public async Task UnansweredDialEitherSaysGoodbyeOrRingsAgainPerConfiguration(string noAnswer, int attempt, bool ringsAgain)
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Ivr:NoAnswer"] = noAnswer, ["Ivr:MaxDialAttempts"] = "2" });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = TwilioCaller.InboundCall(TwilioCaller.NewCallSid());

        var twiml = await twilio.TwiMLAsync($"/twilio/voice/dial-result?attempt={attempt}", [.. call, new("DialCallStatus", "no-answer")]);

        twiml.Verbs("Dial").Any().Should().Be(ringsAgain);
        twiml.Verbs("Hangup").Any().Should().Be(!ringsAgain);
        if (ringsAgain)
        {
            twiml.Verbs("Dial").Single().Attribute("action")!.Value.Should().EndWith($"attempt={attempt + 1}");
        }
    }

    [Fact]
    public async Task CompletedDialHangsUp()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        var twiml = await twilio.TwiMLAsync("/twilio/voice/dial-result?attempt=1",
            [.. TwilioCaller.InboundCall(TwilioCaller.NewCallSid()), new("DialCallStatus", "completed")]);

        twiml.Root!.Elements().Select(e => e.Name.LocalName).Should().Equal("Hangup");
    }

    [Fact]
    public async Task ForwardRoutingDialsTheShopsOwnNumberWithoutWhisper()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Ivr:Routing"] = "Forward", ["Ivr:ForwardNumber"] = "+34910000999" });
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        var twiml = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", TwilioCaller.InboundCall(TwilioCaller.NewCallSid()));

        var number = twiml.Verbs("Number").Single();
        number.Value.Should().Be("+34910000999");
        number.Attribute("url").Should().BeNull();
    }

    private static List<KeyValuePair<string, string>> Status(string callSid, string status) =>
    [
        new("AccountSid", "AC" + new string('1', 32)),
        new("CallSid", callSid),
        new("CallStatus", status),
        new("CallDuration", "42"),
        new("From", "+34600111222"),
        new("To", "+34910000000"),
    ];
}
