using System.Net;
using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using ClientState = Microsoft.AspNetCore.SignalR.Client.HubConnectionState;

namespace PinCovisor.Web.Tests.Resilience;

[Collection(RedisCollection.Name)]
public sealed class RedisDownAndBackTests
{
    private const string Unavailable = "The service is briefly unavailable; try again in a moment.";
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task WhileRedisIsDownCallsAreRoutedAndEveryoneIsToldAndWhenItReturnsTheSameHostCarriesOn()
    {
        await using var on = await SessionOnPersistentRedis.StartAsync(exchanges: 3);
        var (session, id, before) = (on.Session, on.Session.SessionId, on.Before);

        await SessionOnPersistentRedis.WaitForFsyncAsync();
        on.Redis.Crash();

        // Each of these waits out the Redis client's timeout; they run side by side.
        await Task.WhenAll(
            CallerChecks.ShouldBeApologisedToAndRoutedAsync(on.Twilio),
            ResilienceHost.ShouldBeAliveButNotReadyAsync(on.Http),
            HubCallIsRefusedAsync(session.Customer, id),
            JoinIsRefusedAsync(on.Host),
            NewConnectionIsRefusedAsync(on.Host, session.CustomerToken));
        session.Customer.Connection.State.Should().Be(ClientState.Connected);
        session.Agent.Connection.State.Should().Be(ClientState.Connected);

        on.Redis.StartAgain();
        await ResilienceHost.WaitUntilReadyAsync(on.Http, Recovery);
        await CallerChecks.ShouldHearAPinAsync(on.Twilio);
        // The customer resends the refused message under the same id, as the browser does.
        var resent = await session.Customer.InvokeAsync<long>("SendChat", id, "while-down", "¿hola?");
        var all = await session.BothSeeAsync(await session.ExchangeAsync("after", 3));

        resent.Should().Be(before.Count + 1);
        all.Take(before.Count).Select(e => (e.Seq, e.Kind, e.Data.GetRawText()))
            .Should().Equal(before.Select(e => (e.Seq, e.Kind, e.Data.GetRawText())), "the earlier events survived the crash");
        all.Count(e => e.Kind == EventKinds.ChatMessage && e.DataAs<ChatMessage>().Text == "¿hola?").Should().Be(1);
    }

    private static async Task HubCallIsRefusedAsync(HubClient client, string sessionId)
    {
        var refused = await client.Invoking(c => c.InvokeAsync<long>("SendChat", sessionId, "while-down", "¿hola?"))
            .Should().ThrowAsync<HubException>();
        refused.Which.Message.Should().EndWith(Unavailable);
    }

    private static async Task JoinIsRefusedAsync(PinCovisorHost host)
    {
        using var response = await new SessionsApi(host.CreateLoopbackClient()).JoinAsync("123456");
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.RetryAfter.Should().NotBeNull();
        (await response.Content.ReadAsStringAsync().WaitAsync(Recovery)).Should().Contain(Unavailable);
    }

    private static async Task NewConnectionIsRefusedAsync(PinCovisorHost host, string token)
    {
        var refused = await FluentActions.Awaiting(() => HubClient.ConnectAsync(host.BaseAddress, token))
            .Should().ThrowAsync<HttpRequestException>();
        refused.Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a 503 is retried by the clients' reconnect");
    }
}
