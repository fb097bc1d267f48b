using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Testing.Agents;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Csat;

/// <summary>
/// A <see cref="HubScenario"/> whose agent is a username no other test uses (so the shared Redis's
/// day totals hold only this test's answers for them) and also an admin, who reads the results.
/// </summary>
internal sealed class CsatScenario(HubScenario hub, string agent) : IAsyncDisposable
{
    private const string Password = "csat-admin-password-1";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public HubScenario Hub { get; } = hub;

    public string Agent { get; } = agent;

    public string SessionId => Hub.SessionId;

    public static async Task<CsatScenario> StartAsync(
        RedisServers servers, RedisServerKind kind, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var agent = AgentHosts.NewUsername("csat");
        var all = AgentHosts.Agent(2, agent, Password, isAdmin: true, displayName: "Carla");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new CsatScenario(await HubScenario.StartAsync(servers, kind, all, services, agent), agent);
    }

    /// <summary>The agent ends the session; returns the <c>session.ended</c> data the customer and the agent received.</summary>
    public async Task<(JsonElement Customer, JsonElement Agent)> EndAsync()
    {
        await Hub.Agent.InvokeAsync("EndSession", SessionId).WaitAsync(Timeout);
        var customer = await Hub.Customer.Events.WaitForKindAsync(SessionId, EventKinds.SessionEnded, timeout: Timeout);
        var agent = await Hub.Agent.Events.WaitForKindAsync(SessionId, EventKinds.SessionEnded, timeout: Timeout);
        return (customer.Data, agent.Data);
    }

    public async Task<HttpResponseMessage> AnswerAsync(object body)
    {
        using var http = Hub.Host.CreateLoopbackClient();
        return await http.PostAsJsonAsync("/api/csat", body).WaitAsync(Timeout);
    }

    public Task<AgentClient> AdminAsync() => AgentClient.LogInAsync(Hub.Host, Agent, Password);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
