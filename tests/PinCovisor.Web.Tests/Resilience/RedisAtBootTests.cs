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
    }
}
