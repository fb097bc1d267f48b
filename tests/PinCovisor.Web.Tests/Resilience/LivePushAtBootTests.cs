using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Resilience;

[Collection(RedisCollection.Name)]
public sealed class LivePushAtBootTests
{
    private const int Boots = 20;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EveryLivePushArrivesOnAHostThatBootedBeforeItsRedisTwentyBootsInARow()
    {
        for (var boot = 0; boot < Boots; boot++)
        {
            var port = LoopbackPorts.Unused();
            var host = ResilienceHost.Start(port);
            RedisServerProcess? redis = null;
            try
            {
                using var http = host.CreateLoopbackClient();
                await ResilienceHost.ShouldBeAliveButNotReadyAsync(http);
                // Redis appears at a different moment of the host's reconnect cycle on each boot.
                await Task.Delay(TimeSpan.FromMilliseconds(boot * 97 % 1000));
                redis = RedisServerProcess.StartPersistent(port);
                await ResilienceHost.WaitUntilReadyAsync(http, Recovery);

                // Every step after the join is a push: the participant's arrival, the admission, and
                // each chat line and stroke, all of which travel through Redis's pub/sub.
                await using var call = await AdmittedCall.StartAsync(host, host);
                var last = await call.ExchangeAsync($"boot-{boot}", 3);
                await call.BothSeeAsync(last);
            }
            finally
            {
                // The host stops before its Redis does: stopping with Redis gone waits out the client's timeouts.
                await host.DisposeAsync();
                redis?.Dispose();
            }
        }
    }
}
