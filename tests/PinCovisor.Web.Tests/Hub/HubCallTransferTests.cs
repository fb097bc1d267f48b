using System.Xml.Linq;
using Microsoft.AspNetCore.SignalR.Client;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Security;
using static PinCovisor.Web.Tests.Hub.HubAssertions;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubCallTransferTests(RedisServers servers)
{
    private const string Bruno = "+34600000002";

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ATransferredCallRingsTheOtherAgentAndTheSessionFollowsWhenTheyPressTheKey(RedisServerKind kind)
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, kind);
        var id = scenario.SessionId;
        await scenario.Customer.ChatAsync(id, "necesito otra talla");
        await scenario.Ana.ChatAsync(id, "le paso con Bruno");

        var started = await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno");

        started.Should().Be(new CallTransferStarted(id, new AgentInfo("bruno", "Bruno"), "ringing"));
        // Twilio tells the first dial's action that the caller's leg moved on; its answer is not run.
        var firstDialEnded = await scenario.Twilio.TwiMLAsync("/twilio/voice/dial-result?attempt=1",
            [.. TwilioCaller.InboundCall(scenario.CallSid), new("DialCallStatus", "completed")]);
        firstDialEnded.Verbs("Dial").Should().BeEmpty();
        var twiml = scenario.UpdatedTwiml();
        twiml.Root!.Name.LocalName.Should().Be("Response");
        twiml.Spoken().Should().ContainSingle().Which.Should().Be("Le pasamos con otro compañero. No cuelgue, por favor.");
        var dial = twiml.Verbs("Dial").Should().ContainSingle().Subject;
        dial.Attribute("answerOnBridge")!.Value.Should().Be("true");
        dial.Attribute("timeout").Should().NotBeNull();
        new Uri(dial.Attribute("action")!.Value).AbsolutePath.Should().Be("/twilio/voice/transfer-result");
        dial.Elements().Select(e => (e.Name.LocalName, e.Value, new Uri(e.Attribute("url")!.Value).AbsolutePath))
            .Should().Equal([("Number", Bruno, "/twilio/voice/whisper/ask")], "only Bruno rings, and his number must press a key");
        scenario.Api.Api.FindCall(scenario.CallSid)!.Twiml.Should().Be(scenario.Api.Requests.Last().Field("Twiml"));
        await Refused(scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno"),
            "A transfer of this call is already ringing; wait until it is taken or comes back.");
        (await scenario.Ana.JoinAsync(id)).Agent.Should().Be(new AgentInfo("ana", "Ana"), "the session moves only when Bruno takes the call");

        var whisper = await scenario.Twilio.AnswerAsync(twiml, scenario.CallSid, Bruno);

        whisper.Spoken().Should().ContainSingle().Which.Should().StartWith("Código visual:");
        var seen = await scenario.Customer.Events.WaitForKindAsync(id, EventKinds.AgentChanged);
        seen.DataAs<CustomerAgentChanged>().Should().Be(new CustomerAgentChanged("Bruno", "Ana"));
        var told = await scenario.Ana.Events.WaitForKindAsync(id, EventKinds.AgentChanged);
        told.DataAs<AgentChanged>().Should().Be(new AgentChanged("ana", "bruno", "Bruno"));
        await using var bruno = await CallSession.AgentAsync(scenario.Host, "bruno", id);
        bruno.Events.Applied(id).Where(e => e.Kind == EventKinds.ChatMessage).Select(e => e.DataAs<ChatMessage>().Text)
            .Should().Equal("necesito otra talla", "le paso con Bruno");
        await Refused(scenario.Ana.ChatAsync(id, "sigo aquí"), "You are not in this session.");

        var afterTalk = await scenario.DialEndedAsync(twiml, "completed");

        afterTalk.Root!.Elements().Select(e => e.Name.LocalName).Should().Equal("Hangup");
        scenario.Api.Requests.Count(r => r.Method == "POST").Should().Be(1, "a transfer that was taken asks Twilio nothing more");
    }

    [Theory]
    [InlineData("no-answer")]
    [InlineData("completed")]
    public async Task ATransferNobodyTakesRingsTheFirstAgentAgainAndTellsThemAndTheSessionStays(string dialCallStatus)
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, RedisServerKind.Garnet);
        var id = scenario.SessionId;
        await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno");
        var twiml = scenario.UpdatedTwiml();
        if (dialCallStatus == "completed")
        {
            // A voicemail picks up: the ask plays over its greeting, no key comes, and the leg hangs up.
            await scenario.Twilio.AnswerAsync(twiml, scenario.CallSid, Bruno, key: null);
        }

        var notice = CallTransferScenario.NextNoticeAsync(scenario.Ana);
        var back = await scenario.DialEndedAsync(twiml, dialCallStatus);

        (await notice).Should().Be(new CallTransferNotice(id, new AgentInfo("bruno", "Bruno"), "unanswered"));
        back.Spoken().Should().ContainSingle().Which.Should().Be("No ha podido atenderle. Le devolvemos con el agente que le atendía.");
        var dial = back.Verbs("Dial").Should().ContainSingle().Subject;
        dial.Elements().Select(e => (e.Name.LocalName, e.Value, new Uri(e.Attribute("url")!.Value).AbsolutePath)).Should().Equal(
            ("Number", "+34600000001", "/twilio/voice/whisper/ask"), ("Client", "ana", "/twilio/voice/whisper"));
        (await scenario.Ana.JoinAsync(id)).Agent.Should().Be(new AgentInfo("ana", "Ana"));
        await scenario.Ana.ChatAsync(id, "vuelvo a estar con usted");

        await scenario.Twilio.AnswerAsync(back, scenario.CallSid, "client:ana");
        var afterTalk = await scenario.DialEndedAsync(back, "completed");

        afterTalk.Root!.Elements().Select(e => e.Name.LocalName).Should().Equal("Hangup");
        scenario.Customer.Events.Arrivals.Should().NotContain(e => e.Kind == EventKinds.AgentChanged, "the session never left Ana");
        var started = await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno");
        started.State.Should().Be("ringing", "the transfer that came back rings no more, so another may start");
    }

    [Fact]
    public async Task AResultSentAgainRingsBackAsBeforeAndTellsOnce()
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, RedisServerKind.Garnet);
        var id = scenario.SessionId;
        var notices = new System.Collections.Concurrent.ConcurrentQueue<CallTransferNotice>();
        scenario.Ana.Connection.On<CallTransferNotice>("CallTransfer", notices.Enqueue);
        await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno");
        var first = scenario.UpdatedTwiml();
        var back = await scenario.DialEndedAsync(first, "no-answer");

        var again = await scenario.DialEndedAsync(first, "no-answer");

        again.Verbs("Dial").Single().Elements().Select(e => e.Value).Should().Equal(back.Verbs("Dial").Single().Elements().Select(e => e.Value));
        await Refused(scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno"),
            "A transfer of this call is already ringing; wait until it is taken or comes back.");
        await scenario.Twilio.AnswerAsync(back, scenario.CallSid, "client:ana");
        (await scenario.DialEndedAsync(back, "completed")).Root!.Elements().Select(e => e.Name.LocalName).Should().Equal("Hangup");
        await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno");
        var second = XDocument.Parse(scenario.Api.Requests.Last(r => r.Method == "POST").Field("Twiml")!);
        await scenario.DialEndedAsync(second, "busy");
        // Pushed in order on one connection: a notice for the copy would have come before this one.
        await scenario.Ana.Events.WaitAsync(() => notices.Count, count => count >= 2);
        notices.Should().HaveCount(2);
    }

    [Fact]
    public async Task ACallTheFirstAgentDoesNotTakeBackIsRoutedAsANewCallIs()
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, RedisServerKind.Garnet);
        await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", scenario.SessionId, "bruno");
        var back = await scenario.DialEndedAsync(scenario.UpdatedTwiml(), "busy");

        var again = await scenario.DialEndedAsync(back, "no-answer");

        again.Spoken().Should().ContainSingle().Which.Should().StartWith("Nuestros agentes siguen ocupados");
        var dial = again.Verbs("Dial").Should().ContainSingle().Subject;
        new Uri(dial.Attribute("action")!.Value).AbsolutePath.Should().Be("/twilio/voice/dial-result");
        dial.Elements("Number").Select(n => n.Value).Should().Equal("+34600000001", Bruno);
    }

    [Theory]
    [InlineData("drop", "Twilio could not be reached, so the call was not transferred. The call and the session stay with you; try again.")]
    [InlineData("500", "Twilio refused to transfer the call. The call and the session stay with you.")]
    public async Task ATransferTwilioDoesNotTakeIsRefusedAndMovesNothing(string failure, string message)
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, RedisServerKind.Garnet);
        var id = scenario.SessionId;
        if (failure == "drop")
        {
            scenario.Api.DropNext(1);
        }
        else
        {
            scenario.Api.FailNext(1, System.Net.HttpStatusCode.InternalServerError);
        }

        await Refused(scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno"), message);

        scenario.Api.Api.FindCall(scenario.CallSid)!.Twiml.Should().BeNull("the call runs what it ran");
        (await scenario.Ana.JoinAsync(id)).Agent.Should().Be(new AgentInfo("ana", "Ana"));
        await scenario.Ana.ChatAsync(id, "sigo con usted");
        scenario.Customer.Events.Arrivals.Should().NotContain(e => e.Kind == EventKinds.AgentChanged);
        var started = await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno");
        started.State.Should().Be("ringing", "a refused transfer leaves no mark that would block the next");
    }

    [Fact]
    public async Task WithoutATwilioAccountACallIsNotTransferred()
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, RedisServerKind.Garnet, accountSid: "");

        await Refused(scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", scenario.SessionId, "bruno"),
            "Calls cannot be transferred: the Twilio account is not configured. The call and the session stay with you.");

        scenario.Api.Attempts.Should().Be(0);
        (await scenario.Ana.JoinAsync(scenario.SessionId)).Agent!.Username.Should().Be("ana");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AQueuedCallTakenFromTheQueueMovesTheSameWay(RedisServerKind kind)
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, kind, enqueue: true);
        var id = scenario.SessionId;

        await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", id, "bruno");
        // Twilio tells the queue's action that the caller was redirected out of the bridge; its answer is not run.
        var queueEnded = await scenario.Twilio.TwiMLAsync("/twilio/voice/dial-result?attempt=1",
            [.. TwilioCaller.InboundCall(scenario.CallSid), new("QueueResult", "redirected-from-bridged")]);
        var twiml = scenario.UpdatedTwiml();
        await scenario.Twilio.AnswerAsync(twiml, scenario.CallSid, Bruno);

        queueEnded.Root!.Elements().Should().BeEmpty("nothing may put the caller back in the queue");
        twiml.Verbs("Number").Select(n => n.Value).Should().Equal(Bruno);
        var seen = await scenario.Customer.Events.WaitForKindAsync(id, EventKinds.AgentChanged);
        seen.DataAs<CustomerAgentChanged>().Should().Be(new CustomerAgentChanged("Bruno", "Ana"));
        await using var bruno = await CallSession.AgentAsync(scenario.Host, "bruno", id);
        (await bruno.JoinAsync(id)).Agent.Should().Be(new AgentInfo("bruno", "Bruno"));
    }

    [Fact]
    public async Task ACallCannotMoveToAnAgentWithNothingToRing()
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, RedisServerKind.Garnet, settings: new Dictionary<string, string?>
        {
            ["Agents:2:Username"] = "carla",
            ["Agents:2:DisplayName"] = "Carla",
        });

        await Refused(scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", scenario.SessionId, "carla"),
            "Carla has no phone or softphone to ring, so the call cannot move to them.");

        scenario.Api.Attempts.Should().Be(0);
    }

    [Fact]
    public async Task ACallerWhoHangsUpWhileTheTransferRingsIsLetGo()
    {
        await using var scenario = await CallTransferScenario.StartAsync(servers, RedisServerKind.Garnet);
        await scenario.Ana.InvokeAsync<CallTransferStarted>("TransferCall", scenario.SessionId, "bruno");
        var twiml = scenario.UpdatedTwiml();

        var gone = await scenario.Twilio.TwiMLAsync(new Uri(twiml.Verbs("Dial").Single().Attribute("action")!.Value).PathAndQuery,
            [.. TwilioCaller.InboundCall(scenario.CallSid).Where(f => f.Key != "CallStatus"), new("CallStatus", "completed"), new("DialCallStatus", "canceled")]);

        gone.Root!.Elements().Select(e => e.Name.LocalName).Should().Equal("Hangup");
    }

    [Fact]
    public async Task ASessionWithoutACallInProgressHasNoCallToTransfer()
    {
        await using var scenario = await HubScenario.StartAsync(servers, RedisServerKind.Garnet);

        await Refused(scenario.Agent.InvokeAsync<CallTransferStarted>("TransferCall", scenario.SessionId, "bruno"),
            "This session has no call in progress; transfer the session instead.");
        await Refused(scenario.Agent.InvokeAsync<CallTransferStarted>("TransferCall", scenario.SessionId, "nobody"),
            "There is no available agent with that username.");
    }
}
