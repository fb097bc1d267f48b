using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>
/// Hub calls no page of ours makes, sent with the official client: unknown methods, wrong argument
/// counts and types, numbers that are not numbers, messages past the size limit.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class HubBadInputTests(RedisServers servers)
{
    public static TheoryData<string, object?[]> BadCalls => new()
    {
        { "NoSuchMethod", [] },
        { "sendchat", ["s_x", "m1", "wrong case"] },
        { "SendChat", [] },
        { "SendChat", ["{session}", "m1"] },
        { "SendChat", ["{session}", "m1", "hi", "one too many"] },
        { "SendChat", ["{session}", 42, true] },
        { "SendChat", ["{session}", "m1", new[] { "an", "array" }] },
        { "MovePointer", ["{session}", "left", "top"] },
        { "MovePointer", ["{session}", "NaN", "Infinity"] },
        { "MovePointer", ["{session}", null, 0.5] },
        { "SetView", ["{session}", "zoom in"] },
        { "SetView", ["{session}", new { zoom = "NaN", centerX = 0.5, centerY = 0.5 }] },
        { "AddStroke", ["{session}", new { strokeId = "s1", points = "0,0,1,1", color = "#000000", width = 2 }] },
        { "AddStroke", ["{session}", new { strokeId = "s1", points = new object[] { 0.1, "-Infinity" }, color = "#000000", width = 2 }] },
        { "JoinSession", ["{session}", "not a number"] },
        { "Acknowledge", ["{session}", 1e300, "read"] },
        { "ControlVideo", ["{session}", new { action = 1, videoId = new { }, position = "x" }] },
        { "ShareOrder", ["{session}", new[] { "AB-104200", "AB-104201" }] },
        { "ShareOrder", ["{session}", null] },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task ACallNoClientOfOursMakesIsRefusedWithAHubExceptionAndTheConnectionCarriesOn(string method, object?[] args)
    {
        await using var scenario = await HubScenario.StartAsync(servers, RedisServerKind.Garnet);
        var customer = scenario.Customer;
        var resolved = args.Select(a => a is "{session}" ? scenario.SessionId : a).ToArray();

        var refusal = (await customer.Invoking(c => c.InvokeAsync<object?>(method, resolved)).Should().ThrowAsync<HubException>()).Which;

        // The pages show the text after "HubException: "; without it they can only say something went wrong.
        refusal.Message.Should().MatchRegex("HubException: [A-Z][^\n]+\\.$").And.NotContain("   at ", "a person reads it, not a stack trace");
        customer.Connection.State.Should().Be(HubConnectionState.Connected);
        await customer.ChatAsync(scenario.SessionId, "still here");
        (await scenario.Agent.Events.WaitForCountAsync(scenario.SessionId, 1)).Should().ContainSingle()
            .Which.DataAs<PinCovisor.Web.Hub.ChatMessage>().Text.Should().Be("still here");
        scenario.Host.Logs.Lines.Should().NotContain(l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMessageOverTheDefault32KiBLimitClosesThatConnectionOnlyAndANewOneWorks()
    {
        await using var scenario = await HubScenario.StartAsync(servers, RedisServerKind.Garnet);
        await using var customer = await HubClient.ConnectAsync(scenario.Host.BaseAddress, scenario.Session.CustomerToken);

        await customer.Invoking(c => c.ChatAsync(scenario.SessionId, new string('x', 33 * 1024))).Should().ThrowAsync<Exception>();

        (await customer.Closed.WaitAsync(TimeSpan.FromSeconds(30))).Should().NotBeNull("the server closes the connection with an error");
        scenario.Customer.Connection.State.Should().Be(HubConnectionState.Connected, "other connections are untouched");
        await using var again = await HubClient.ConnectAsync(scenario.Host.BaseAddress, scenario.Session.CustomerToken);
        await again.ChatAsync(scenario.SessionId, new string('y', 1000));
        (await scenario.Agent.Events.WaitForCountAsync(scenario.SessionId, 1)).Should().ContainSingle();
        using var http = scenario.Host.CreateLoopbackClient();
        (await http.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30))).IsSuccessStatusCode.Should().BeTrue();
    }
}
