using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Agents;

namespace PinCovisor.Web.Tests.Agents;

[Collection(RedisCollection.Name)]
public sealed class PresenceTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RedisServers.Kinds), MemberType = typeof(RedisServers))]
    public async Task AnAgentsPresenceRoundTripsAndTheAgentsListShowsItWithDisplayNames(RedisServerKind kind)
    {
        var username = AgentHosts.NewUsername();
        await using var host = AgentHosts.Start(servers, kind, AgentHosts.Agent(2, username, password: "presence-pw", displayName: "Dolores"));
        using var agent = await AgentClient.LogInAsync(host, username, "presence-pw");
        var afterLogin = await ListedAsync(agent, username);

        using var busy = await agent.Api.PutAsJsonAsync("/api/agents/me/presence", new { status = "busy" }).WaitAsync(Timeout);
        var afterBusy = await ListedAsync(agent, username);
        using var away = await agent.Browser.PutAsJsonAsync("/api/agents/me/presence", new { status = "away" }).WaitAsync(Timeout);
        var afterAway = await ListedAsync(agent, username);
        var all = (await agent.Api.GetFromJsonAsync<JsonArray>("/api/agents").WaitAsync(Timeout))!;

        afterLogin["status"]!.GetValue<string>().Should().Be("available", "logging in makes the agent available");
        busy.StatusCode.Should().Be(HttpStatusCode.OK);
        (await busy.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!["status"]!.GetValue<string>().Should().Be("busy");
        afterBusy["status"]!.GetValue<string>().Should().Be("busy");
        afterBusy["displayName"]!.GetValue<string>().Should().Be("Dolores");
        afterBusy["lastSeen"]!.GetValue<DateTimeOffset>().Should().BeOnOrAfter(afterLogin["lastSeen"]!.GetValue<DateTimeOffset>());
        away.StatusCode.Should().Be(HttpStatusCode.OK);
        afterAway["status"]!.GetValue<string>().Should().Be("away");
        all.Select(a => a!["username"]!.GetValue<string>()).Should().Contain(["ana", "bruno", username]);
        all.Single(a => a!["username"]!.GetValue<string>() == "bruno")!["displayName"]!.GetValue<string>().Should().Be("Bruno");
    }

    [Fact]
    public async Task AnUnknownStatusIsAValidationProblem()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?> { ["Agents:0:Password"] = "ana-dev-password" });
        using var ana = await AgentClient.LogInAsync(host, "ana", "ana-dev-password");

        using var response = await ana.Api.PutAsJsonAsync("/api/agents/me/presence", new { status = "asleep" }).WaitAsync(Timeout);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task TheHubCanTouchAnAgentWithoutChangingTheirStatus()
    {
        await using var host = AgentHosts.Start(servers, RedisServerKind.Garnet);
        var presence = host.Services.GetRequiredService<RedisAgentPresence>();
        var set = await presence.SetAsync("bruno", AgentStatus.Busy).WaitAsync(Timeout);

        await presence.TouchAsync("bruno").WaitAsync(Timeout);
        var all = await presence.GetAllAsync().WaitAsync(Timeout);

        var bruno = all.Single(a => a.Username == "bruno");
        bruno.Status.Should().Be(AgentStatus.Busy);
        bruno.LastSeen.Should().BeOnOrAfter(set.LastSeen!.Value);
        all.Single(a => a.Username == "ana").Should().Be(new AgentPresenceEntry("ana", "Ana", AgentStatus.Away, null));
    }

    private static async Task<JsonObject> ListedAsync(AgentClient agent, string username)
    {
        var all = await agent.Api.GetFromJsonAsync<JsonArray>("/api/agents").WaitAsync(Timeout);
        return all!.Single(a => a!["username"]!.GetValue<string>() == username)!.AsObject();
    }
}
