using System.Net;
using PhoneBridge.Calls;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.CallBack;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.CallBack;

/// <summary>The agent's side of "call me back": the call placed over REST, bound to the session and the agent, put through to them.</summary>
[Collection(RedisCollection.Name)]
public sealed class CallBackPlacementTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheAgentInChargeHasTheShopsNumberCallTheCustomerAndTheSessionFollowsTheCall(RedisServerKind kind)
    {
        await using var shop = await CallBackShop.StartAsync(servers, kind);
        await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, "600 11 12 22");

        var seq = await shop.Agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId);

        var created = shop.Api.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/Calls.json", StringComparison.Ordinal));
        created.Field("To").Should().Be("+34600111222");
        created.Field("From").Should().Be(CallBackShop.ShopNumber);
        created.Field("Url").Should().Be(new Uri(shop.Host.BaseAddress, "/twilio/voice/callback").ToString());
        created.Field("StatusCallback").Should().Be(new Uri(shop.Host.BaseAddress, "/twilio/status").ToString());
        var callSid = shop.Api.Api.Calls.Single().Sid;
        var record = await shop.Service<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout);
        record!.AnsweringAgent.Should().Be("ana");
        record.MaskedFrom.Should().Be("+34 6•• ••• 222");
        (await shop.Service<RedisSessionStore>().GetAsync(shop.SessionId).WaitAsync(Timeout))!.CallSid.Should().Be(callSid);
        var placed = await shop.Customer.Events.WaitForKindAsync(shop.SessionId, CallBackEventKinds.Placed);
        placed.Seq.Should().Be(seq);
        placed.Author.Should().Be(new EventAuthor("agent", null, "Ana"));
        placed.DataAs<CallBackPlaced>().MaskedNumber.Should().Be("+34 6•• ••• 222");
        (await shop.Customer.JoinAsync(shop.SessionId)).Call!.Status.Should().Be("ringing");

        // The customer picks up: Twilio fetches the call's URL, which puts them through to Ana.
        var twiml = await shop.Twilio.TwiMLAsync("/twilio/voice/callback", OutboundCall(callSid));
        twiml.Spoken().Should().ContainSingle().Which.Should().Contain("Ana");
        var dial = twiml.Verbs("Dial").Single();
        dial.Elements("Number").Select(n => (n.Value, (string?)n.Attribute("url")))
            .Should().Equal(("+34600000001", new Uri(shop.Host.BaseAddress, "/twilio/voice/whisper/ask").ToString()));
        dial.Elements("Client").Select(c => (c.Value, (string?)c.Attribute("url")))
            .Should().Equal(("ana", new Uri(shop.Host.BaseAddress, "/twilio/voice/whisper").ToString()));
        twiml.Verbs("Hangup").Should().ContainSingle();

        // Ana's desk phone picks up and she presses a key: the call is in progress, still hers.
        await shop.Twilio.AnswerAsync(twiml, callSid, "+34600000001");
        var answered = await shop.Customer.Events.WaitForKindAsync(shop.SessionId, EventKinds.CallStatus,
            e => e.DataAs<CallStatusChanged>().Status == "in-progress");
        answered.Should().NotBeNull();
        (await shop.Service<RedisCallStore>().GetAsync(callSid).WaitAsync(Timeout))!.AnsweringAgent.Should().Be("ana");
        (await shop.Service<RedisSessionStore>().GetAsync(shop.SessionId).WaitAsync(Timeout))!.AgentUsername.Should().Be("ana");

        await Caller.StatusAsync(shop.Twilio, callSid, "completed");
        var ended = await shop.Customer.Events.WaitForKindAsync(shop.SessionId, EventKinds.CallStatus,
            e => e.DataAs<CallStatusChanged>().Over);
        ended.DataAs<CallStatusChanged>().Status.Should().Be("completed");
        (await shop.Agent.Events.WaitForKindAsync(shop.SessionId, EventKinds.CallStatus, e => e.DataAs<CallStatusChanged>().Over))
            .Should().NotBeNull();
    }

    [Fact]
    public async Task TheCalledCustomerHearsTheLanguageOfTheirNumbersCountry()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Ivr:LanguageByCountry:GB"] = "en-GB" });
        await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, "+44 7400 123456");
        await shop.Agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId);
        var callSid = shop.Api.Api.Calls.Single().Sid;

        var twiml = await shop.Twilio.TwiMLAsync("/twilio/voice/callback", OutboundCall(callSid, "+447400123456", "GB"));

        var say = twiml.Verbs("Say").Single();
        ((string?)say.Attribute("language")).Should().Be("en-GB");
        say.Value.Should().Be("Hello, this is the shop calling you back. Connecting you with Ana.");
    }

    [Fact]
    public async Task ARestFailureIsRefusedWithAMessageBindsNothingAndLeavesTheRequestForAnotherTry()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);
        await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, "600 11 12 22");
        shop.Api.FailNext(1, HttpStatusCode.BadRequest);

        await HubAssertions.Refused(shop.Agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId),
            "The phone service refused the call; try again in a moment.");

        (await shop.Service<RedisSessionStore>().GetAsync(shop.SessionId).WaitAsync(Timeout))!.CallSid.Should().BeNull();
        shop.Api.Api.Calls.Should().BeEmpty();
        (await shop.Agent.JoinAsync(shop.SessionId)).Events.Should().NotContain(e => e.Kind == CallBackEventKinds.Placed);

        await shop.Agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId);
        (await shop.Service<RedisSessionStore>().GetAsync(shop.SessionId).WaitAsync(Timeout))!.CallSid
            .Should().Be(shop.Api.Api.Calls.Single().Sid);
    }

    [Fact]
    public async Task OnlyTheAgentInChargePlacesTheCallAndOnlyOnce()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);
        await HubAssertions.Refused(shop.Agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId), "The customer has not asked to be called.");
        await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, "600 11 12 22");
        await using var bruno = await shop.ConnectAgentAsync("bruno");

        await HubAssertions.Refused(bruno.InvokeAsync<long>("PlaceCallBack", shop.SessionId), "You are not in this session.");
        await HubAssertions.Refused(shop.Customer.InvokeAsync<long>("PlaceCallBack", shop.SessionId), "Only the agent in charge can do that.");
        await shop.Agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId);
        await HubAssertions.Refused(shop.Agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId), "This session already has a call.");
        await HubAssertions.Refused(shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, "600 11 12 22"),
            "This session already has a call.");

        shop.Api.Api.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task TwoClicksAtOncePlaceOneCall()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);
        await shop.Customer.InvokeAsync<long>("RequestCallBack", shop.SessionId, "600 11 12 22");
        await using var secondTab = await shop.ConnectAgentAsync("ana");

        var clicks = new[] { shop.Agent, secondTab }.Select(async agent =>
        {
            try
            {
                await agent.InvokeAsync<long>("PlaceCallBack", shop.SessionId);
                return "placed";
            }
            catch (Microsoft.AspNetCore.SignalR.HubException refusal)
            {
                return refusal.Message;
            }
        });
        var outcomes = await Task.WhenAll(clicks).WaitAsync(Timeout);

        outcomes.Should().ContainSingle(o => o == "placed");
        outcomes.Should().ContainSingle(o => o.EndsWith("The call to the customer is already being placed.", StringComparison.Ordinal)
            || o.EndsWith("This session already has a call.", StringComparison.Ordinal));
        shop.Api.Api.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task ACallWhoseRecordIsGoneApologisesAndHangsUp()
    {
        await using var shop = await CallBackShop.StartAsync(servers, RedisServerKind.Garnet);

        var twiml = await shop.Twilio.TwiMLAsync("/twilio/voice/callback", OutboundCall(TwilioCaller.NewCallSid()));

        twiml.Verbs("Dial").Should().BeEmpty();
        twiml.Spoken().Should().ContainSingle().Which.Should().StartWith("Disculpe");
        twiml.Verbs("Hangup").Should().ContainSingle();
    }

    // What Twilio posts to the Url of a call placed over REST once the called party answers.
    private static List<KeyValuePair<string, string>> OutboundCall(string callSid, string to = "+34600111222", string toCountry = "ES") =>
    [
        new("AccountSid", LoopbackTwilioApi.AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", callSid),
        new("CallStatus", "in-progress"),
        new("Direction", "outbound-api"),
        new("From", CallBackShop.ShopNumber),
        new("FromCountry", "ES"),
        new("To", to),
        new("ToCountry", toCountry),
    ];
}
