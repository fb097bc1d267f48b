using Microsoft.AspNetCore.SignalR;
using ClientState = Microsoft.AspNetCore.SignalR.Client.HubConnectionState;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Resilience;

[Collection(RedisCollection.Name)]
public sealed class RedisDownAndBackTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task WhileRedisIsDownCallsAreRoutedAndHubCallsRefusedAndWhenItReturnsTheSameHostCarriesOn()
    {
        using var redis = RedisServerProcess.StartPersistent();
        await using var host = ResilienceHost.Start(redis.Port);
        using var http = host.CreateLoopbackClient();
        var twilio = new TwilioCaller(host.CreateLoopbackClient());
        await using var session = await AdmittedCall.StartAsync(host, host);
        var id = session.SessionId;
        var before = await session.BothSeeAsync(await session.ExchangeAsync("before", 3));

        // appendfsync everysec: what was written more than a second before a crash is on disk.
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        redis.Crash();

        await CallerChecks.ShouldBeApologisedToAndRoutedAsync(twilio);
        await ResilienceHost.ShouldBeAliveButNotReadyAsync(http);
        var refused = await session.Customer.Invoking(c => c.InvokeAsync<long>("SendChat", id, "while-down", "¿hola?"))
            .Should().ThrowAsync<HubException>();
        refused.Which.Message.Should().Contain("briefly unavailable");
        session.Customer.Connection.State.Should().Be(ClientState.Connected);
        session.Agent.Connection.State.Should().Be(ClientState.Connected);

        redis.StartAgain();
        await ResilienceHost.WaitUntilReadyAsync(http, Recovery);
        await CallerChecks.ShouldHearAPinAsync(twilio);
        // The customer resends the refused message under the same id, as the browser does.
        var resent = await session.Customer.InvokeAsync<long>("SendChat", id, "while-down", "¿hola?");
        var all = await session.BothSeeAsync(await session.ExchangeAsync("after", 3));

        resent.Should().Be(before.Count + 1);
        all.Take(before.Count).Select(e => (e.Seq, e.Kind, e.Data.GetRawText()))
            .Should().Equal(before.Select(e => (e.Seq, e.Kind, e.Data.GetRawText())), "the earlier events survived the crash");
        all.Count(e => e.Kind == EventKinds.ChatMessage && e.DataAs<ChatMessage>().Text == "¿hola?").Should().Be(1);
    }
}
