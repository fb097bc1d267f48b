using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Security;

/// <summary>
/// A call's session as its people hold it: the customer joined with the PIN and was admitted by the
/// agent in charge, both connected to the hub and joined.
/// </summary>
internal sealed class CallSession : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;

    private CallSession(string id, string customerToken, HubClient customer, HubClient agent, HttpClient http)
    {
        Id = id;
        CustomerToken = customerToken;
        Customer = customer;
        Agent = agent;
        _http = http;
    }

    public string Id { get; }

    public string CustomerToken { get; }

    public HubClient Customer { get; }

    public HubClient Agent { get; }

    /// <summary>The customer joins with <paramref name="pin"/>; <paramref name="agent"/>, in charge, admits them.</summary>
    public static async Task<CallSession> JoinAndAdmitAsync(PinCovisorHost host, string pin, string agent)
    {
        var http = host.CreateLoopbackClient();
        var joined = await new SessionsApi(http).JoinedAsync(pin);
        var agentToken = await SessionSeeder.AgentTokenAsync(host, agent);
        var agentHub = await AgentAsync(host, agent, joined.SessionId, agentToken);
        var customer = await HubClient.ConnectAsync(host.BaseAddress, joined.Token);
        await customer.JoinAsync(joined.SessionId);
        var arrived = await agentHub.Events.WaitForKindAsync(joined.SessionId, EventKinds.ParticipantJoined);
        using var admit = await new SessionsApi(http).PostAsync(
            $"/api/sessions/{joined.SessionId}/participants/{arrived.DataAs<ParticipantJoined>().ParticipantId}/admit", agentToken);
        admit.StatusCode.Should().Be(HttpStatusCode.OK);
        await customer.Events.WaitAsync(() => customer.Events.Arrivals, a => a.Any(e => e.Kind == EventKinds.Admission));
        (await customer.JoinAsync(joined.SessionId)).Admission.Should().Be("admitted");
        return new CallSession(joined.SessionId, joined.Token, customer, agentHub, http);
    }

    /// <summary>An agent connected to the hub and joined to the session they are in charge of.</summary>
    public static async Task<HubClient> AgentAsync(PinCovisorHost host, string agent, string sessionId, string? token = null)
    {
        var hub = await HubClient.ConnectAsync(host.BaseAddress, token ?? await SessionSeeder.AgentTokenAsync(host, agent));
        await hub.JoinAsync(sessionId);
        return hub;
    }

    /// <summary>What <c>GET /api/sessions/{id}</c> shows the customer.</summary>
    public async Task<JsonObject> CustomerViewAsync()
    {
        using var response = await new SessionsApi(_http).GetAsync($"/api/sessions/{Id}", CustomerToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>().WaitAsync(Timeout))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Customer.DisposeAsync();
        await Agent.DisposeAsync();
        _http.Dispose();
    }
}
