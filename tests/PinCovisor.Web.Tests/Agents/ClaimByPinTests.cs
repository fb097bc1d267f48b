using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Tests.Agents;

[Collection(RedisCollection.Name)]
public sealed class ClaimByPinTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ClaimingByThePinTheCallerReadOutBindsTheCallToTheAgentWithoutUsingThePin(RedisServerKind kind)
    {
        var username = AgentHosts.NewUsername();
        await using var host = AgentHosts.Start(servers, kind, AgentHosts.Agent(2, username, password: "claimer-pw"));
        using var agent = await AgentClient.LogInAsync(host, username, "claimer-pw");
        var call = await Caller.CallAsync(new TwilioCaller(host.CreateLoopbackClient()));

        using var claim = await agent.Api.PostAsJsonAsync("/api/calls/claim", new { pin = call.Pin }).WaitAsync(Timeout);

        claim.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = (await claim.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!;
        body["call"]!["callSid"]!.GetValue<string>().Should().Be(call.CallSid);
        body["call"]!["answeringAgent"]!.GetValue<string>().Should().Be(username);
        body["call"]!["pinState"]!.GetValue<string>().Should().Be("live");
        body["sessionId"].Should().BeNull();
        var record = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout);
        record!.AnsweringAgent.Should().Be(username);
        (await host.Services.GetRequiredService<IPinStore>().RedeemAsync(call.Pin).WaitAsync(Timeout))
            .Should().Be(call.CallSid, "the caller still joins with the PIN the agent claimed by");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ClaimingACallWhoseCallerAlreadyJoinedPutsTheClaimerInChargeOfTheSession(RedisServerKind kind)
    {
        await using var host = AgentHosts.Start(servers, kind, new Dictionary<string, string?> { ["Agents:1:Password"] = "bruno-dev-pw" });
        using var bruno = await AgentClient.LogInAsync(host, "bruno", "bruno-dev-pw");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid, agentNumber: "+34600000001");
        var sessions = host.Services.GetRequiredService<RedisSessionStore>();
        var session = await sessions.OpenForCallAsync(call.CallSid, "ana").WaitAsync(Timeout);
        await host.Services.GetRequiredService<IPinStore>().RedeemAsync(call.Pin).WaitAsync(Timeout);

        using var claim = await bruno.Browser.PostAsJsonAsync("/api/calls/claim", new { pin = call.Pin }).WaitAsync(Timeout);

        claim.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = (await claim.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!;
        body["sessionId"]!.GetValue<string>().Should().Be(session.Id);
        body["call"]!["pinState"]!.GetValue<string>().Should().Be("redeemed");
        (await sessions.GetAsync(session.Id).WaitAsync(Timeout))!.AgentUsername.Should().Be("bruno");
    }

    [Fact]
    public async Task UnknownPinsAre404AndAnAgentWhoKeepsMissingIsThrottledEvenForTheRightPin()
    {
        var username = AgentHosts.NewUsername();
        var settings = AgentHosts.Agent(2, username, password: "guesser-pw");
        settings["AgentLogin:ClaimMaxFailures"] = "3";
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, settings);
        using var agent = await AgentClient.LogInAsync(host, username, "guesser-pw");
        var call = await Caller.CallAsync(new TwilioCaller(host.CreateLoopbackClient()));
        var wrong = ((int.Parse(call.Pin, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000)
            .ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        using var malformed = await agent.Api.PostAsJsonAsync("/api/calls/claim", new { pin = "12ab" }).WaitAsync(Timeout);
        var misses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            misses.Add(await agent.Api.PostAsJsonAsync("/api/calls/claim", new { pin = wrong }).WaitAsync(Timeout));
        }

        using var throttled = await agent.Api.PostAsJsonAsync("/api/calls/claim", new { pin = call.Pin }).WaitAsync(Timeout);

        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        misses.Should().OnlyContain(m => m.StatusCode == HttpStatusCode.NotFound && m.Content.Headers.ContentType!.MediaType == "application/problem+json");
        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.Should().BePositive();
        (await host.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout))!.AnsweringAgent.Should().BeNull();
        misses.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task ThePinOfACallThatEndedClaimsNothing()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-dev-password" });
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-dev-password");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.StatusAsync(twilio, call.CallSid, "completed");

        using var claim = await ana.Api.PostAsJsonAsync("/api/calls/claim", new { pin = call.Pin }).WaitAsync(Timeout);

        claim.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
