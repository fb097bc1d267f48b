using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using static PinCovisor.Web.Tests.Hub.HubAssertions;

namespace PinCovisor.Web.Tests.Hub;

[Collection(RedisCollection.Name)]
public sealed class HubLimitsTests(RedisServers servers)
{
    private const string TooFast = "You are sending too fast; wait a moment and try again.";

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AConnectionSendingFasterThanTheLimitIsRefusedUntilTimePasses(RedisServerKind kind)
    {
        // One call per 5 s after a burst of 4: the burst and the refusals take a fraction of that,
        // and the bucket refills on the real clock (the rate limiter keeps its own time).
        await using var scenario = await HubScenario.StartAsync(servers, kind,
            new Dictionary<string, string?> { ["Hub:MessagesPerSecond"] = "0.2", ["Hub:MessagesBurst"] = "4" });
        // A device of its own: the limit is per token, and the scenario's customer has spent some already.
        var (_, token) = await SessionSeeder.AddCustomerAsync(scenario.Host, scenario.SessionId);
        await using var customer = await HubClient.ConnectAsync(scenario.Host.BaseAddress, token);
        var id = scenario.SessionId;

        for (var i = 0; i < 4; i++)
        {
            await customer.ChatAsync(id, "burst " + i);
        }

        await Refused(customer.ChatAsync(id, "one too many"), TooFast);
        await Refused(customer.InvokeAsync("MovePointer", id, 0.5, 0.5), TooFast);
        await AcceptedOnceRefilled(customer.ChatAsync, id, "after a wait");
        await Refused(customer.ChatAsync(id, "but not a second"), TooFast);

        var log = await scenario.Agent.Events.WaitForCountAsync(id, 5);
        log.Should().HaveCount(5, "refused calls leave no trace");
        customer.Connection.State.Should().Be(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        scenario.Host.Logs.Lines.Should().Contain(l => l.Contains("exceeded the hub rate limit", StringComparison.Ordinal));
        scenario.Host.Logs.Lines.Should().NotContain(l => l.StartsWith("Error ", StringComparison.Ordinal),
            "a refused call is the client's business, not a fault to page anyone about");
    }

    /// <summary>Sends the chat until the hub takes it (refused meanwhile), within 60 s.</summary>
    private static async Task AcceptedOnceRefilled(Func<string, string, Task<long>> chat, string sessionId, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await chat(sessionId, text);
                return;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.EndsWith(TooFast, StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AMessageLargerThanTheLimitClosesTheConnectionAndIsNotLogged(RedisServerKind kind)
    {
        await using var scenario = await HubScenario.StartAsync(servers, kind, new Dictionary<string, string?> { ["Hub:MaxMessageBytes"] = "2048" });
        await using var customer = await HubClient.ConnectAsync(scenario.Host.BaseAddress, scenario.Session.CustomerToken);
        var id = scenario.SessionId;

        var oversized = () => customer.ChatAsync(id, new string('é', 1100));

        await oversized.Should().ThrowAsync<Exception>();
        (await customer.Closed.WaitAsync(TimeSpan.FromSeconds(30))).Should().NotBeNull("the server closes the connection with an error");
        await scenario.Customer.ChatAsync(id, new string('y', 1000));
        (await scenario.Agent.Events.WaitForCountAsync(id, 1)).Should().ContainSingle()
            .Which.DataAs<PinCovisor.Web.Hub.ChatMessage>().Text.Should().HaveLength(1000);
    }
}
