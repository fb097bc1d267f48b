using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Agents;

[Collection(RedisCollection.Name)]
public sealed class NewCallPinTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> Passwords = new()
    {
        ["Agents:0:Password"] = "ana-new-pin-pw",
        ["Agents:1:Password"] = "bruno-new-pin-pw",
    };

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task TheAgentOnTheCallGetsAFreshPinThatJoinsTheSameSessionWhileTheOldOneStopsWorking(RedisServerKind kind)
    {
        await using var host = AgentHosts.Start(servers, kind, Passwords);
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-new-pin-pw");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid);
        var customer = new SessionsApi(host.CreateLoopbackClient());
        var first = await customer.JoinedAsync(call.Pin);

        using var response = await ana.Api.PostAsync($"/api/calls/{call.CallSid}/pin", null).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the body carries the digits");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!;
        var pin = body["pin"]!.GetValue<string>();
        pin.Should().MatchRegex("^[0-9]{6}$").And.NotBe(call.Pin);
        body["callSid"]!.GetValue<string>().Should().Be(call.CallSid);
        body["sessionId"]!.GetValue<string>().Should().Be(first.SessionId);
        body["expiresAt"]!.GetValue<DateTimeOffset>().Should().BeAfter(DateTimeOffset.UtcNow);
        (await host.Services.GetRequiredService<IPinStore>().FindByCallAsync(call.CallSid).WaitAsync(Timeout))!.Digits
            .Should().Be(pin, "the IVR repeats the new PIN if the caller asks");

        using var old = await customer.FromAnotherClient().JoinAsync(call.Pin).WaitAsync(Timeout);
        old.StatusCode.Should().Be(HttpStatusCode.NotFound, "the old PIN is dead");
        var again = await customer.FromAnotherClient().JoinedAsync(pin);
        again.SessionId.Should().Be(first.SessionId, "the new PIN joins the call's session");
        again.Admission.Should().Be("pending", "the agent admits the new device as any other");
        using var twice = await customer.FromAnotherClient().JoinAsync(pin).WaitAsync(Timeout);
        twice.StatusCode.Should().Be(HttpStatusCode.NotFound, "the new PIN is single use too");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task OnlyTheAgentOnALiveCallMayGiveItANewPin(RedisServerKind kind)
    {
        await using var host = AgentHosts.Start(servers, kind, Passwords);
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-new-pin-pw");
        using var bruno = await AgentClient.LogInAsync(host, "bruno", "bruno-new-pin-pw");
        using var anonymous = host.CreateLoopbackClient();
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        var path = $"/api/calls/{call.CallSid}/pin";

        using var unanswered = await ana.Api.PostAsync(path, null).WaitAsync(Timeout);
        await Caller.AnswerAsync(twilio, call.CallSid);
        using var nobody = await anonymous.PostAsync(path, null).WaitAsync(Timeout);
        using var otherAgent = await bruno.Api.PostAsync(path, null).WaitAsync(Timeout);
        using var unknown = await ana.Api.PostAsync($"/api/calls/{TwilioCaller.NewCallSid()}/pin", null).WaitAsync(Timeout);
        using var tooLong = await ana.Api.PostAsync($"/api/calls/CA{new string('0', 200)}/pin", null).WaitAsync(Timeout);
        await Caller.StatusAsync(twilio, call.CallSid, "completed");
        using var ended = await ana.Api.PostAsync(path, null).WaitAsync(Timeout);

        unanswered.StatusCode.Should().Be(HttpStatusCode.Forbidden, "nobody answered the call yet");
        nobody.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        otherAgent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        tooLong.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ended.StatusCode.Should().Be(HttpStatusCode.Conflict);
        foreach (var refused in new[] { unanswered, otherAgent, unknown, tooLong, ended })
        {
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await refused.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        }

        (await host.Services.GetRequiredService<IPinStore>().RedeemAsync(call.Pin).WaitAsync(Timeout))
            .Should().BeNull("the call is over: its PIN died with it, and no refused request gave it another");
    }

    [Fact]
    public async Task ACallIsGivenAFewNewPinsAndThenToldHowLongToWait()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, Passwords);
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-new-pin-pw");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid);
        var path = $"/api/calls/{call.CallSid}/pin";

        var pins = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var issued = await ana.Api.PostAsync(path, null).WaitAsync(Timeout);
            issued.StatusCode.Should().Be(HttpStatusCode.OK);
            pins.Add((await issued.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["pin"]!.GetValue<string>());
        }

        using var throttled = await ana.Api.PostAsync(path, null).WaitAsync(Timeout);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.Should().BePositive();
        var store = host.Services.GetRequiredService<IPinStore>();
        (await store.FindByCallAsync(call.CallSid).WaitAsync(Timeout))!.Digits.Should().Be(pins[^1], "the refused request changed nothing");
        foreach (var earlier in pins.Take(4).Where(p => p != pins[^1]))
        {
            (await store.RedeemAsync(earlier).WaitAsync(Timeout)).Should().BeNull("each new PIN replaced the one before");
        }

        (await store.RedeemAsync(pins[^1]).WaitAsync(Timeout)).Should().Be(call.CallSid);
    }
}
