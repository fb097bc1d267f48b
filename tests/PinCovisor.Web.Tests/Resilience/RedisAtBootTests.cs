using System.Net;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Resilience;

[Collection(RedisCollection.Name)]
public sealed class RedisAtBootTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AHostStartedBeforeItsRedisServesCallsAtOnceAndBecomesReadyWhenRedisAppears()
    {
        var port = LoopbackPorts.Unused();
        await using var host = ResilienceHost.Start(port);
        using var http = host.CreateLoopbackClient();
        var twilio = new TwilioCaller(host.CreateLoopbackClient());

        await ResilienceHost.ShouldBeAliveButNotReadyAsync(http);
        await CallerChecks.ShouldBeApologisedToAndRoutedAsync(twilio);

        using var redis = RedisServerProcess.StartPersistent(port);
        await ResilienceHost.WaitUntilReadyAsync(http, Recovery);
        var call = await Caller.CallAsync(twilio);
        await Caller.AnswerAsync(twilio, call.CallSid);
        var joined = await new SessionsApi(host.CreateLoopbackClient()).JoinedAsync(call.Pin);
        var id = joined.SessionId;

        // Each step asks and is answered (JoinSession replays the log): live pushes right after such a
        // boot are a known fault of their own (docs/operations.md, "Failures and recovery").
        var agentToken = await SessionSeeder.AgentTokenAsync(host, "ana");
        await using var agent = await HubClient.ConnectAsync(host.BaseAddress, agentToken);
        var participant = (await agent.JoinAsync(id)).Events.Single(e => e.Kind == EventKinds.ParticipantJoined).DataAs<ParticipantJoined>();
        using var admit = await new SessionsApi(host.CreateLoopbackClient())
            .PostAsync($"/api/sessions/{id}/participants/{participant.ParticipantId}/admit", agentToken);
        admit.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var customer = await HubClient.ConnectAsync(host.BaseAddress, joined.Token, reconnect: true);
        (await customer.JoinAsync(id)).Admission.Should().Be("admitted");
        var seq = await customer.ChatAsync(id, "ya estoy");
        await agent.JoinAsync(id);
        agent.Events.Applied(id).Should().Contain(e => e.Seq == seq && e.Kind == EventKinds.ChatMessage);

        // Ending the session cuts the customer off through the hosts' control channel, which the
        // host could only subscribe to once Redis had appeared.
        await agent.InvokeAsync("EndSession", id);
        await customer.Closed.WaitAsync(Recovery);
        // The host stops before its Redis does: stopping with Redis gone waits out the client's timeouts.
        await customer.DisposeAsync();
        await agent.DisposeAsync();
        await host.DisposeAsync();
    }
}
