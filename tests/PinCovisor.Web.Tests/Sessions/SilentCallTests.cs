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
/// A call whose end callback never comes (a lost request, a simulator tab closed mid-call) is asked
/// about on Twilio's REST API (the simulated one, on loopback) once <c>Calls:ReconcileAfter</c> has
/// passed without news: ended there, it is ended with Twilio's status; still live, it stays listed;
/// unknown to Twilio, it is ended once <c>Calls:StaleAfter</c> has passed, shown to agents with the
/// reason. One of two hosts sharing one store does it, and the session's people are told as of a real end.
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
        using var store = OwnStore.Start(servers, kind, database: 11);
        await using var api = await LoopbackTwilioApi.StartAsync();
        var settings = Settings(store, api, staleAfter: "00:00:02");
        await using var first = new PinCovisorHost(settings);
        await using var second = new PinCovisorHost(settings);
        _ = second.BaseAddress;
        var twilio = new TwilioCaller(first.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid);
        await using var session = await CallSession.JoinAndAdmitAsync(first, call.Pin, "ana");
        using var ana = await AgentClient.LogInAsync(first, "ana", Password);

        // No status callback, and Twilio's REST API does not know the call: it only goes silent.
        var ended = await session.Customer.Events.WaitForKindAsync(session.Id, EventKinds.CallStatus, e => e.DataAs<CallStatusChanged>().Over);
        var silentEnds = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/silent-ends").WaitAsync(Timeout);
        var live = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/live").WaitAsync(Timeout);
        var record = await first.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout);
        var sessionNow = await first.Services.GetRequiredService<RedisSessionStore>().GetAsync(session.Id).WaitAsync(Timeout);
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
        api.Requests.Should().Contain(r => r.Method == "GET" && r.Path.EndsWith($"/Calls/{call.CallSid}.json", StringComparison.Ordinal),
            "Twilio is asked before the host ends a call");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallWhoseEndCallbackWasLostIsEndedWithTwiliosStatusByOneOfTwoHostsAndTheSessionAndTheConsoleAreTold(RedisServerKind kind)
    {
        using var store = OwnStore.Start(servers, kind, database: 13);
        await using var api = await LoopbackTwilioApi.StartAsync();
        // StaleAfter far off: only Twilio's answer can end the call within the test.
        var settings = Settings(store, api, staleAfter: "01:00:00");
        settings["Calls:ReconcileAfter"] = "00:00:01";
        await using var first = new PinCovisorHost(settings);
        await using var second = new PinCovisorHost(settings);
        _ = second.BaseAddress;
        var twilio = new TwilioCaller(first.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        api.Api.AddCall(call.CallSid, "+34600111222", "+34910000000", status: "ringing");
        await Caller.AnswerAsync(twilio, call.CallSid);
        api.Api.SetStatus(call.CallSid, "in-progress");
        await using var session = await CallSession.JoinAndAdmitAsync(first, call.Pin, "ana");
        using var ana = await AgentClient.LogInAsync(first, "ana", Password);

        // The caller hangs up; Twilio's "completed" callback never reaches the hosts.
        api.Api.SetStatus(call.CallSid, "completed");
        var ended = await session.Customer.Events.WaitForKindAsync(session.Id, EventKinds.CallStatus, e => e.DataAs<CallStatusChanged>().Over);
        var console = await session.Agent.Events.WaitForKindAsync(session.Id, EventKinds.CallStatus, e => e.DataAs<CallStatusChanged>().Over);
        var silentEnds = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/silent-ends").WaitAsync(Timeout);
        var live = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/live").WaitAsync(Timeout);
        var record = await first.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout);
        var sessionNow = await first.Services.GetRequiredService<RedisSessionStore>().GetAsync(session.Id).WaitAsync(Timeout);

        var told = ended.DataAs<CallStatusChanged>();
        (told.Status, told.NoNewsSeconds).Should().Be(("completed", (long?)null), "Twilio said how the call ended");
        console.DataAs<CallStatusChanged>().Status.Should().Be("completed");
        record!.Status.Should().Be(CallStatus.Completed);
        record.EndedAfterSilence.Should().BeNull();
        sessionNow!.CallEndedAt.Should().NotBeNull("the session's grace period runs as after a real end");
        (await first.Services.GetRequiredService<IPinStore>().FindByCallAsync(call.CallSid).WaitAsync(Timeout))
            .Should().BeNull("the PIN dies with the call");
        live!.Select(c => c!["callSid"]!.GetValue<string>()).Should().NotContain(call.CallSid);
        silentEnds!.Select(c => c!["callSid"]!.GetValue<string>()).Should().NotContain(call.CallSid);
        first.Logs.Lines.Concat(second.Logs.Lines)
            .Count(l => l.Contains(call.CallSid, StringComparison.Ordinal) && l.Contains("as Twilio's REST API reports it", StringComparison.Ordinal))
            .Should().Be(1, "one host ends the call, once");
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallTwilioSaysIsInProgressStaysListedPastStaleAfter(RedisServerKind kind)
    {
        using var store = OwnStore.Start(servers, kind, database: 14);
        await using var api = await LoopbackTwilioApi.StartAsync();
        var settings = Settings(store, api, staleAfter: "00:00:02");
        await using var host = new PinCovisorHost(settings);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        api.Api.AddCall(call.CallSid, "+34600111222", "+34910000000");
        await Caller.AnswerAsync(twilio, call.CallSid);
        await using var session = await CallSession.JoinAndAdmitAsync(host, call.Pin, "ana");
        using var ana = await AgentClient.LogInAsync(host, "ana", Password);

        // Asked once a second (Calls:ReconcileAfter defaults to half of StaleAfter here): three
        // answers of "in-progress" span more than StaleAfter without a callback.
        await WaitForAsync(() => api.Requests.Count(r => r.Path.EndsWith($"/Calls/{call.CallSid}.json", StringComparison.Ordinal)) >= 3);
        var live = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/live").WaitAsync(Timeout);
        var record = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout);

        live!.Select(c => c!["callSid"]!.GetValue<string>()).Should().Contain(call.CallSid);
        record!.Status.Should().Be(CallStatus.InProgress);
        record.CheckedAt.Should().NotBeNull();
        session.Customer.Events.Applied(session.Id).Should().NotContain(e => e.Kind == EventKinds.CallStatus && e.DataAs<CallStatusChanged>().Over);
        host.Logs.Lines.Should().NotContain(l => l.Contains("no news from the phone network", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ACallWhoseEndCallbackCameIsNotEndedAgainNorListedAsSilent(RedisServerKind kind)
    {
        using var store = OwnStore.Start(servers, kind, database: 12);
        await using var api = await LoopbackTwilioApi.StartAsync();
        var settings = Settings(store, api, staleAfter: "00:00:02");
        await using var host = new PinCovisorHost(settings);
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.StatusAsync(twilio, call.CallSid, "completed");
        var ended = await host.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout);
        using var ana = await AgentClient.LogInAsync(host, "ana", Password);

        // Longer than StaleAfter plus a sweep: a silent call would have been ended by now.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var silentEnds = await ana.Api.GetFromJsonAsync<JsonArray>("/api/calls/silent-ends").WaitAsync(Timeout);

        (await host.Services.GetRequiredService<RedisCallStore>().GetAsync(call.CallSid).WaitAsync(Timeout)).Should().Be(ended);
        ended!.EndedAfterSilence.Should().BeNull();
        silentEnds!.Select(c => c!["callSid"]!.GetValue<string>()).Should().NotContain(call.CallSid);
        host.Logs.Lines.Should().NotContain(l => l.Contains("no news from the phone network", StringComparison.Ordinal));
        api.Attempts.Should().Be(0, "a call that ended is never asked about");
    }

    [Fact]
    public void AStaleAfterNoShorterThanTheRecordLifetimeStopsTheHost()
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["Calls:StaleAfter"] = "1.00:00:00" });

        var start = () => host.BaseAddress;

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain("Calls:StaleAfter must be positive and shorter than Calls:RecordLifetime");
    }

    [Fact]
    public void AReconcileAfterNoShorterThanStaleAfterStopsTheHost()
    {
        using var host = new PinCovisorHost(new Dictionary<string, string?> { ["Calls:StaleAfter"] = "00:10:00", ["Calls:ReconcileAfter"] = "00:10:00" });

        var start = () => host.BaseAddress;

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain("Calls:ReconcileAfter must be positive and shorter than Calls:StaleAfter");
    }

    private static Dictionary<string, string?> Settings(OwnStore store, LoopbackTwilioApi api, string staleAfter) => new()
    {
        ["ConnectionStrings:Redis"] = store.ConnectionString,
        ["Twilio:ApiBaseUrl"] = api.BaseAddress.ToString(),
        ["Calls:StaleAfter"] = staleAfter,
        ["Agents:0:Password"] = Password,
        [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value,
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    /// <summary>
    /// A store of the test's own, so the short StaleAfter ends no other test's calls: a redis-server or
    /// a cluster of its own, or a database of the shared Garnet.
    /// </summary>
    private sealed record OwnStore(IDisposable? Process, string ConnectionString) : IDisposable
    {
        public static OwnStore Start(RedisServers servers, RedisServerKind kind, int database)
        {
            switch (kind)
            {
                case RedisServerKind.Redis:
                    var server = RedisServerProcess.Start();
                    return new(server, server.ConnectionString);
                case RedisServerKind.Cluster:
                    var cluster = RedisClusterProcess.Start();
                    return new(cluster, cluster.ConnectionString);
                default:
                    return new(null, $"{servers.ConnectionString(kind)},defaultDatabase={database}");
            }
        }

        public void Dispose() => Process?.Dispose();
    }
}
