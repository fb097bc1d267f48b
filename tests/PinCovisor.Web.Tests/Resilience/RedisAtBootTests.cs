using PhoneBridge.Testing.Redis;
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
        await CallerChecks.ShouldHearAPinAsync(twilio);
        await using var session = await AdmittedCall.StartAsync(host, host);
        var all = await session.BothSeeAsync(await session.ExchangeAsync("first", 2));

        all.Should().Contain(e => e.Kind == EventKinds.Admission, "the admission reached the customer through the hub");

        // Ending the session cuts the customer off through the hosts' control channel, which the
        // host could only subscribe to once Redis had appeared.
        await session.Agent.InvokeAsync("EndSession", session.SessionId);
        await session.Customer.Closed.WaitAsync(Recovery);
        // The host stops before its Redis does: stopping with Redis gone waits out the client's timeouts.
        await session.DisposeAsync();
        await host.DisposeAsync();
    }
}
