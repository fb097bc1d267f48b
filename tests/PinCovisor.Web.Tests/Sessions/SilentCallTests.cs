using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using PinCovisor.Web.Tests.Security;

namespace PinCovisor.Web.Tests.Sessions;

/// <summary>
/// A call whose end callback never comes (a lost request, a simulator tab closed mid-call) is ended by
/// the host once <c>Calls:StaleAfter</c> has passed without news: by one of two hosts sharing one
/// store, told to the session's people as a real end is, and shown to agents with the reason.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SilentCallTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Password = "ana-silent-password";

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallWithoutItsEndCallbackIsEndedOnceByOneOfTwoHostsAndTheSessionAndTheConsoleAreTold(RedisServerKind kind)
    {
        // A store of this test's own: the short StaleAfter must not end other tests' calls.
        using var owned = kind == RedisServerKind.Redis ? RedisServerProcess.Start() : null;
        var store = owned?.ConnectionString ?? $"{servers.ConnectionString(kind)},defaultDatabase=11";
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = store,
            ["Calls:StaleAfter"] = "00:00:02",
            ["Agents:0:Password"] = Password,
            [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
        };
        await using var first = new PinCovisorHost(settings);
        await using var second = new PinCovisorHost(settings);
        _ = second.BaseAddress;
        var twilio = new TwilioCaller(first.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid);
        await using var session = await CallSession.JoinAndAdmitAsync(first, call.Pin, "ana");
        using var ana = await AgentClient.LogInAsync(first, "ana", Password);

        // No status callback: the call only goes silent.
        var ended = await session.Customer.Events.WaitForKindAsync(session.Id, EventKinds.CallStatus, e => e.DataAs<CallStatusChanged>().Over);
        var silentEnds = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/silent-ends").WaitAsync(Timeout);
        var live = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/live").WaitAsync(Timeout);
        var record = await first.Services.GetRequiredService<ICallStore>().GetAsync(call.CallSid).WaitAsync(Timeout);
        var sessionNow = await first.Services.GetRequiredService<ISessionStore>().GetAsync(session.Id).WaitAsync(Timeout);
        // Both hosts go on sweeping a while longer: neither ends it again.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var told = ended.DataAs<CallStatusChanged>();
        told.Status.Should().Be("completed");
        told.NoNewsSeconds.Should().BeGreaterThanOrEqualTo(2);
        record!.Status.Should().Be(CallStatus.Completed);
        record.EndedAfterSilence.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        sessionNow!.CallEndedAt.Should().NotBeNull("the session's grace period runs as after a real end");
        (await first.Services.GetRequiredService<IPinStore>().FindByCallAsync(call.CallSid).WaitAsync(Timeout))
            .Should().BeNull("the PIN dies with the call");
        live!.Select(c => c!["callSid"]!.GetValue<string>()).Should().NotContain(call.CallSid);
        var shown = silentEnds!.Single(c => c!["callSid"]!.GetValue<string>() == call.CallSid)!;
        shown["maskedFrom"]!.GetValue<string>().Should().Be("+34 6•• ••• 222");
        shown["noNewsSeconds"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(2);
        first.Logs.Lines.Concat(second.Logs.Lines)
            .Count(l => l.Contains(call.CallSid, StringComparison.Ordinal) && l.Contains("no news from the phone network", StringComparison.Ordinal))
            .Should().Be(1, "one host ends the call, once");
        var seen = session.Customer.Events.Applied(session.Id);
        seen.Count(e => e.Kind == EventKinds.CallStatus && e.DataAs<CallStatusChanged>().Over).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallWhoseEndCallbackCameIsNotEndedAgainNorListedAsSilent(RedisServerKind kind)
    {
        using var owned = kind == RedisServerKind.Redis ? RedisServerProcess.Start() : null;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = owned?.ConnectionString ?? $"{servers.ConnectionString(kind)},defaultDatabase=12",
            ["Calls:StaleAfter"] = "00:00:02",
            ["Agents:0:Password"] = Password,
        };
        await using var host = new PinCovisorHost(settings);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.StatusAsync(twilio, call.CallSid, "completed");
        var ended = await host.Services.GetRequiredService<ICallStore>().GetAsync(call.CallSid).WaitAsync(Timeout);
        using var ana = await AgentClient.LogInAsync(host, "ana", Password);

        // Longer than StaleAfter plus a sweep: a silent call would have been ended by now.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var silentEnds = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/silent-ends").WaitAsync(Timeout);

        (await host.Services.GetRequiredService<ICallStore>().GetAsync(call.CallSid).WaitAsync(Timeout)).Should().Be(ended);
        ended!.EndedAfterSilence.Should().BeNull();
        silentEnds!.Select(c => c!["callSid"]!.GetValue<string>()).Should().NotContain(call.CallSid);
        host.Logs.Lines.Should().NotContain(l => l.Contains("no news from the phone network", StringComparison.Ordinal));
    }

    [Fact]
    public void AStaleAfterNoShorterThanTheRecordLifetimeStopsTheHost()
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["Calls:StaleAfter"] = "1.00:00:00" });

        var start = () => host.BaseAddress;

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain("Calls:StaleAfter must be positive and shorter than Calls:RecordLifetime");
    }
}
