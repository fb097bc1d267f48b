using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Ivr;
using StackExchange.Redis;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// Twilio's signature has no timestamp or nonce, so whoever captures a signed request can send it
/// again. These tests capture every request of real call flows and replay them at the wrong moments:
/// after a transfer, after the call ended, and many copies at once.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SignedRequestReplayTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AWhisperReplayedAfterATransferLeavesTheNewAgentInCharge(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, Settings());
        var twilio = new RecordingTwilio(new TwilioCaller(host.CreateLoopbackClient()));
        var callSid = TwilioCaller.NewCallSid();
        var call = TwilioCaller.InboundCall(callSid);
        var pin = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];
        await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "1")]);
        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", call);
        await AgentLeg.AnswerAsync(twilio.TwiMLAsync, route, callSid, "+34600000001");
        await using var session = await CallSession.JoinAndAdmitAsync(host, pin, "ana");
        await session.Agent.InvokeAsync<AgentInfo>("TransferSession", session.Id, "bruno");
        await session.Customer.Events.WaitForKindAsync(session.Id, EventKinds.AgentChanged);
        await using var bruno = await CallSession.AgentAsync(host, "bruno", session.Id);

        var oneByOne = await twilio.ReplayAllAsync();
        var atOnce = await twilio.ReplayAllAsync(copies: 4);

        oneByOne.Concat(atOnce).Should().OnlyContain(a => a.Status == 200 && a.TwiML != null);
        (await host.Services.GetRequiredService<RedisSessionStore>().GetAsync(session.Id).WaitAsync(Timeout))!
            .AgentUsername.Should().Be("bruno", "a whisper already used binds nobody");
        (await host.Services.GetRequiredService<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout))!
            .AnsweringAgent.Should().Be("ana", "the call still records who answered it");
        (await session.CustomerViewAsync())["agent"]!["displayName"]!.GetValue<string>().Should().Be("Bruno");
        var flushed = await bruno.ChatAsync(session.Id, "sigo yo");
        var seen = await session.Customer.Events.WaitForAsync(session.Id, events => events.Any(e => e.Seq == flushed));
        seen.Where(e => e.Kind == EventKinds.AgentChanged).Select(e => e.DataAs<CustomerAgentChanged>())
            .Should().Equal([new CustomerAgentChanged("Bruno", "Ana")], "the customer hears of the transfer once, and of no re-binding");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RequestsReplayedAfterTheCallEndedBindNobodyReviveNoPinAndEndTheSessionOnce(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, Settings(("Ivr:Routing", "Enqueue")));
        var twilio = new RecordingTwilio(new TwilioCaller(host.CreateLoopbackClient()));
        var callSid = TwilioCaller.NewCallSid();
        var call = TwilioCaller.InboundCall(callSid);
        var pin = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];
        await twilio.TwiMLAsync("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "1")]);
        await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", call);
        var agentLeg = TwilioCaller.NewCallSid();
        await twilio.TwiMLAsync("/twilio/voice/agent", [new("CallSid", agentLeg), new("From", "client:ana"), new("To", "+34910000000")]);
        await twilio.TwiMLAsync("/twilio/voice/dequeued", [.. call, new("DequeingCallSid", agentLeg), new("QueueSid", "QU" + new string('2', 32))]);
        await using var session = await CallSession.JoinAndAdmitAsync(host, pin, "ana");
        await session.Agent.InvokeAsync<AgentInfo>("TransferSession", session.Id, "bruno");
        await using var bruno = await CallSession.AgentAsync(host, "bruno", session.Id);
        var afterTransfer = await twilio.ReplayAllAsync(copies: 3);
        await twilio.StatusAsync(callSid, "completed");
        var ended = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout);
        var closesAt = await ClosingScoreAsync(host, session.Id);

        var oneByOne = await twilio.ReplayAllAsync();
        var atOnce = await twilio.ReplayAllAsync(copies: 5);

        var answers = afterTransfer.Concat(oneByOne).Concat(atOnce).ToList();
        answers.Should().OnlyContain(a => a.Status == 200 || a.Status == 204);
        oneByOne.Concat(atOnce).SelectMany(a => a.TwiML?.PinsRead() ?? []).Should().BeEmpty("an ended call's PIN is never read again");
        (await host.Services.GetRequiredService<IPinStore>().FindByCallAsync(callSid).WaitAsync(Timeout)).Should().BeNull();
        var record = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout);
        record.Should().Be(ended, "status, end time and answering agent stay as the first end left them");
        record!.Status.Should().Be(CallStatus.Completed);
        (await ClosingScoreAsync(host, session.Id)).Should().Be(closesAt, "a repeated end does not put the close off");
        (await host.Services.GetRequiredService<RedisSessionStore>().GetAsync(session.Id).WaitAsync(Timeout))!
            .AgentUsername.Should().Be("bruno");
        var flushed = await bruno.ChatAsync(session.Id, "gracias por llamar");
        var seen = await session.Customer.Events.WaitForAsync(session.Id, events => events.Any(e => e.Seq == flushed));
        seen.Count(e => e.Kind == EventKinds.CallStatus && e.DataAs<CallStatusChanged>().Over).Should().Be(1);
        seen.Count(e => e.Kind == EventKinds.AgentChanged).Should().Be(1, "only the transfer changed the agent");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task EightCopiesOfOneWhisperAtOnceBindTheAgentOnceAndTellTheSessionOnce(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind, Settings());
        var twilio = new RecordingTwilio(new TwilioCaller(host.CreateLoopbackClient()));
        var callSid = TwilioCaller.NewCallSid();
        var call = TwilioCaller.InboundCall(callSid);
        var pin = (await twilio.TwiMLAsync("/twilio/voice", call)).PinsRead()[0];
        var route = await twilio.TwiMLAsync("/twilio/voice/route?attempt=1", call);
        var joined = await new SessionsApi(host.CreateLoopbackClient()).JoinedAsync(pin);
        var leg = AgentLeg.Fields(callSid, "+34600000001");
        var ask = await twilio.TwiMLAsync(AgentLeg.NounUrl(route, "+34600000001"), leg);
        var whisper = new RecordedTwilioRequest(AgentLeg.KeyUrl(ask)!, [.. leg, new("Digits", "1")]);

        var answers = await twilio.ReplayAsync([whisper], copies: 8);

        answers.Should().OnlyContain(a => a.TwiML!.PinsRead().SequenceEqual(new[] { pin }), "every copy still whispers the PIN");
        await using var ana = await HubClient.ConnectAsync(host.BaseAddress, await SessionSeeder.AgentTokenAsync(host, "ana"));
        (await ana.JoinAsync(joined.SessionId)).Agent.Should().Be(new AgentInfo("ana", "Ana"));
        ana.Events.Applied(joined.SessionId).Count(e => e.Kind == EventKinds.AgentChanged).Should().Be(1);
        ana.Events.Applied(joined.SessionId).Count(e => e.Kind == EventKinds.CallStatus).Should().Be(1, "in progress, once");
        var callLines = host.Logs.Lines.Where(l => l.Contains(callSid, StringComparison.Ordinal)).ToList();
        callLines.Count(l => l.Contains("Name: \"AgentAnswered\"", StringComparison.Ordinal)).Should().Be(1, "one binding, one line");
        callLines.Count(l => l.Contains("Name: \"BindingRefused\"", StringComparison.Ordinal)).Should().Be(7);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task RepeatedVoiceAndMenuRequestsIssueOnePinAndTextNoMoreThanTheLimit(RedisServerKind kind)
    {
        await using var api = await LoopbackTwilioApi.StartAsync();
        await using var host = HostFactory.Start(servers, kind, Settings(
            ("Twilio:ApiBaseUrl", api.BaseAddress.ToString()), ("Sms:MaxPerCall", "2")));
        var twilio = new RecordingTwilio(new TwilioCaller(host.CreateLoopbackClient()));
        var callSid = TwilioCaller.NewCallSid();
        var call = TwilioCaller.InboundCall(callSid, from: "+34611222333");
        var voice = new RecordedTwilioRequest("/twilio/voice", call);
        var textMe = new RecordedTwilioRequest("/twilio/voice/menu?repeats=0", [.. call, new("Digits", "2")]);

        var issued = await twilio.ReplayAsync([voice], copies: 10);
        var texted = await twilio.ReplayAsync([textMe], copies: 10);
        await twilio.StatusAsync(callSid, "completed");
        var afterTheEnd = await twilio.ReplayAsync([voice, textMe], copies: 5);

        issued.SelectMany(a => a.TwiML!.PinsRead()).Distinct().Should().ContainSingle("every copy hears the one PIN of the call");
        texted.Should().OnlyContain(a => a.TwiML!.Verbs("Enqueue").Any() || a.TwiML!.Verbs("Dial").Any(), "each copy is still routed");
        afterTheEnd.SelectMany(a => a.TwiML!.PinsRead()).Should().BeEmpty();
        api.Received.Should().HaveCount(2, "Sms:MaxPerCall holds however often the key press is replayed");
        api.Received.Should().OnlyContain(m => m.To == "+34611222333");
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<double?> ClosingScoreAsync(PinCovisorHost host, string sessionId) =>
        await host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .SortedSetScoreAsync(SessionKeys.Closing, sessionId).WaitAsync(Timeout);
}
