using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubCallStatusTests(RedisServers servers)
{
    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task WhoeverJoinsAfterTheAnswerLearnsTheCallIsInProgressAndTheWaitingRoomHearsWhenItEnds(RedisServerKind kind)
    {
        await using var host = HostFactory.Start(servers, kind,
            ShopSettings.With(new Dictionary<string, string?> { [SessionsApi.TrustLoopbackProxy.Key] = SessionsApi.TrustLoopbackProxy.Value }));
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid, "+34600000001");

        // The customer types the PIN once Ana is already talking: no status change is coming.
        var joined = await new SessionsApi(host.CreateLoopbackClient()).JoinedAsync(call.Pin);
        await using var customer = await HubClient.ConnectAsync(host.BaseAddress, joined.Token);
        var waiting = await customer.JoinAsync(joined.SessionId);
        var agentToken = await SessionSeeder.AgentTokenAsync(host, "ana");
        await using var agent = await HubClient.ConnectAsync(host.BaseAddress, agentToken);
        var atAgent = await agent.JoinAsync(joined.SessionId);

        waiting.Admission.Should().Be("pending");
        waiting.Call.Should().Be(new CallStatusChanged("in-progress", false, null));
        atAgent.Call.Should().Be(new CallStatusChanged("in-progress", false, null));

        await Caller.StatusAsync(twilio, call.CallSid, "completed");
        // Pushed to the waiting room too: a caller not yet let in hears at once that the call is over.
        // (One by one, as they arrive: the waiting room hears only some of the log.)
        var arrivals = await customer.Events.WaitAsync(() => customer.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.CallStatus));
        arrivals.Last(e => e.Kind == EventKinds.CallStatus).DataAs<CallStatusChanged>().Should().Match<CallStatusChanged>(c => c.Status == "completed" && c.Over);
        var later = await agent.JoinAsync(joined.SessionId);

        later.Call!.Status.Should().Be("completed");
        later.Call.Over.Should().BeTrue();
        later.Call.EndedAt.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task ASessionWithoutACallCarriesNoCallStatus(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind);

        var result = await scenario.Customer.JoinAsync(scenario.SessionId);

        result.Call.Should().BeNull("the seeded session's call never reached the IVR, so there is no record of it");
    }
}
