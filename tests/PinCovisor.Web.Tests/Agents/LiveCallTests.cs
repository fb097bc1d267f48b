using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Agents;

[Collection(RedisCollection.Name)]
public sealed class LiveCallTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallThroughTheIvrIsListedMaskedWithALivePinThenRedeemedThenGoneWhenItEnds(RedisServerKind kind)
    {
        await using var host = AgentHosts.Start(servers, kind, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-dev-password" });
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-dev-password");
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);

        var ringing = await ListedAsync(ana, call.CallSid);
        await host.Services.GetRequiredService<IPinStore>().RedeemAsync(call.Pin).WaitAsync(Timeout);
        await Caller.AnswerAsync(twilio, call.CallSid, agentNumber: "+34600000002");
        await Caller.StatusAsync(twilio, call.CallSid, "in-progress");
        var answered = await ListedAsync(ana, call.CallSid);
        await Caller.StatusAsync(twilio, call.CallSid, "completed");
        var afterEnd = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/live").WaitAsync(Timeout);

        ringing!["maskedFrom"]!.GetValue<string>().Should().Be("+34 6•• ••• 222");
        ringing["status"]!.GetValue<string>().Should().Be("ringing");
        ringing["pinState"]!.GetValue<string>().Should().Be("live");
        ringing["answeringAgent"].Should().BeNull();
        ringing["waitingSeconds"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(0);
        ringing.ToJsonString().Should().NotContain(call.Pin).And.NotContain("600111222");
        answered!["pinState"]!.GetValue<string>().Should().Be("redeemed");
        answered["status"]!.GetValue<string>().Should().Be("in-progress");
        answered["answeringAgent"]!.GetValue<string>().Should().Be("bruno");
        answered["startedAt"]!.GetValue<DateTimeOffset>().Should().Be(ringing["startedAt"]!.GetValue<DateTimeOffset>());
        afterEnd!.Select(c => c!["callSid"]!.GetValue<string>()).Should().NotContain(call.CallSid);
    }

    private static async Task<JsonObject?> ListedAsync(AgentClient agent, string callSid)
    {
        using var response = await agent.Browser.GetAsync("/api/calls/live").WaitAsync(Timeout);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var all = await response.Content.ReadFromJsonAsync<JsonArray>().WaitAsync(Timeout);
        return all!.SingleOrDefault(c => c!["callSid"]!.GetValue<string>() == callSid)?.AsObject();
    }
}
